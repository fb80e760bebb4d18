-- AlterTable
ALTER TABLE "Contribution" ADD COLUMN     "voiceShowsPerspective" BOOLEAN NOT NULL DEFAULT false;
