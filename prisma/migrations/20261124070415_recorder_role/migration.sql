-- AlterEnum
ALTER TYPE "DialogueRole" ADD VALUE 'RECORDER';
