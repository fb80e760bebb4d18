-- AlterTable
ALTER TABLE "User" ADD COLUMN     "showNameInExports" BOOLEAN NOT NULL DEFAULT false;
