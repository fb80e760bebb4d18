-- AlterTable
ALTER TABLE "ChannelBlock" ADD COLUMN     "lookupKeyId" UUID;

-- AlterTable
ALTER TABLE "ChannelContribution" ADD COLUMN     "lookupKeyId" UUID;

-- CreateTable
CREATE TABLE "ChannelRetiredKey" (
    "id" UUID NOT NULL,
    "lookupKeySealed" TEXT NOT NULL,
    "retiredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChannelRetiredKey_pkey" PRIMARY KEY ("id")
);

-- AddForeignKey
ALTER TABLE "ChannelContribution" ADD CONSTRAINT "ChannelContribution_lookupKeyId_fkey" FOREIGN KEY ("lookupKeyId") REFERENCES "ChannelRetiredKey"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelBlock" ADD CONSTRAINT "ChannelBlock_lookupKeyId_fkey" FOREIGN KEY ("lookupKeyId") REFERENCES "ChannelRetiredKey"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Only ciphertext: a retired lookup key is never stored in the clear.
ALTER TABLE "ChannelRetiredKey" ADD CONSTRAINT "channel_retired_key_sealed" CHECK ("lookupKeySealed" LIKE 'v1.%');
