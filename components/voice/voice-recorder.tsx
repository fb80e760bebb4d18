"use client";

import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { RECORDER_BITS_PER_SECOND } from "@/lib/voice/limits";

// The page's own recorder, for browsers with JavaScript and a microphone (progressive
// enhancement of the file field below it, decision 033): record with a visible timer, stop at
// the length limit, listen before sending, record again. What it records is put into the file
// field, so the form posts it like a chosen file; the server checks it the same way.

const TYPES = ["audio/webm;codecs=opus", "audio/ogg;codecs=opus", "audio/mp4", "audio/webm"];

type Phase = { step: "idle" } | { step: "recording"; seconds: number } | { step: "done"; url: string; seconds: number } | { step: "failed" };

const subscribeNever = () => () => {};
const recorderAvailable = () => typeof MediaRecorder !== "undefined" && Boolean(navigator.mediaDevices?.getUserMedia);

function clock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

export function VoiceRecorder({ fileInputId, maxSeconds }: { fileInputId: string; maxSeconds: number }) {
  const t = useTranslations("voice.recorder");
  // Known only in the browser: the server renders no recorder, the file field alone.
  const supported = useSyncExternalStore(subscribeNever, recorderAvailable, () => false);
  const [phase, setPhase] = useState<Phase>({ step: "idle" });
  const [stoppedAtLimit, setStoppedAtLimit] = useState(false);
  const recorder = useRef<MediaRecorder | null>(null);
  const timer = useRef<number | null>(null);

  useEffect(() => {
    return () => {
      if (timer.current !== null) window.clearInterval(timer.current);
      recorder.current?.stream.getTracks().forEach((track) => track.stop());
    };
  }, []);
  useEffect(() => () => {
    if (phase.step === "done") URL.revokeObjectURL(phase.url);
  }, [phase]);

  if (!supported) return null;

  async function start() {
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch {
      setPhase({ step: "failed" });
      return;
    }
    const mimeType = TYPES.find((type) => MediaRecorder.isTypeSupported(type));
    const media = new MediaRecorder(stream, { mimeType, audioBitsPerSecond: RECORDER_BITS_PER_SECOND });
    const chunks: Blob[] = [];
    let seconds = 0;
    media.ondataavailable = (event) => chunks.push(event.data);
    media.onstop = () => {
      stream.getTracks().forEach((track) => track.stop());
      if (timer.current !== null) window.clearInterval(timer.current);
      const type = media.mimeType.split(";")[0] || "audio/webm";
      const blob = new Blob(chunks, { type });
      const extension = type.includes("ogg") ? "ogg" : type.includes("mp4") ? "m4a" : "webm";
      const input = document.getElementById(fileInputId) as HTMLInputElement | null;
      if (input) {
        const files = new DataTransfer();
        files.items.add(new File([blob], `voice-message.${extension}`, { type }));
        input.files = files.files;
      }
      setPhase({ step: "done", url: URL.createObjectURL(blob), seconds });
    };
    recorder.current = media;
    setStoppedAtLimit(false);
    media.start();
    setPhase({ step: "recording", seconds: 0 });
    timer.current = window.setInterval(() => {
      seconds += 1;
      setPhase({ step: "recording", seconds });
      if (seconds >= maxSeconds) {
        setStoppedAtLimit(true);
        media.stop();
      }
    }, 1000);
  }

  function stop() {
    recorder.current?.stop();
  }

  return (
    <div className="mt-2 rounded border border-line bg-surface p-3">
      {phase.step === "recording" ? (
        <>
          <p role="timer" aria-label={t("elapsed")} className="text-2xl font-semibold tabular-nums" dir="ltr">
            {clock(phase.seconds)} / {clock(maxSeconds)}
          </p>
          <button type="button" onClick={stop} className="mt-2 rounded bg-danger px-4 py-2 font-semibold text-white">
            {t("stop")}
          </button>
        </>
      ) : (
        <>
          {phase.step === "done" && (
            <>
              {stoppedAtLimit && <p className="mb-2 font-semibold" role="status">{t("limitReached")}</p>}
              <p className="font-semibold">{t("listen")}</p>
              <audio controls src={phase.url} className="mt-1 w-full" />
              <p className="mt-1 text-sm text-muted" dir="auto">
                <span dir="ltr">{clock(phase.seconds)}</span> · {t("ready")}
              </p>
            </>
          )}
          {phase.step === "failed" && <p className="mb-2 font-semibold text-danger" role="alert">{t("noMicrophone")}</p>}
          <button type="button" onClick={start} className="mt-2 rounded bg-brand px-4 py-2 font-semibold text-white">
            {phase.step === "done" ? t("again") : t("start")}
          </button>
        </>
      )}
    </div>
  );
}
