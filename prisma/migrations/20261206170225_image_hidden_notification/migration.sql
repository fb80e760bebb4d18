-- AlterEnum
ALTER TYPE "NotificationType" ADD VALUE 'IMAGE_HIDDEN';
