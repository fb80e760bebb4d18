-- CreateEnum
CREATE TYPE "ChannelProvider" AS ENUM ('TWILIO', 'SIGNAL');

-- CreateEnum
CREATE TYPE "ChannelKind" AS ENUM ('SMS', 'WHATSAPP', 'SIGNAL');

-- AlterEnum
ALTER TYPE "ContributionSource" ADD VALUE 'MESSENGER';

-- CreateTable
CREATE TABLE "MessengerChannel" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "provider" "ChannelProvider" NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "number" TEXT NOT NULL,
    "accountRef" TEXT NOT NULL,
    "secretEncrypted" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MessengerChannel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChannelContact" (
    "id" UUID NOT NULL,
    "channelId" UUID NOT NULL,
    "kind" "ChannelKind" NOT NULL,
    "addressHash" TEXT NOT NULL,
    "addressEncrypted" TEXT NOT NULL,
    "locale" TEXT,
    "userId" UUID NOT NULL,
    "state" JSONB,
    "stateExpiresAt" TIMESTAMP(3),
    "lastInboundAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChannelContact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChannelContribution" (
    "contributionId" UUID NOT NULL,
    "channelId" UUID NOT NULL,
    "kind" "ChannelKind" NOT NULL,
    "senderHash" TEXT NOT NULL,

    CONSTRAINT "ChannelContribution_pkey" PRIMARY KEY ("contributionId")
);

-- CreateTable
CREATE TABLE "ChannelBlock" (
    "id" UUID NOT NULL,
    "channelId" UUID NOT NULL,
    "addressHash" TEXT NOT NULL,
    "blockedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChannelBlock_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MessengerChannel_municipalityId_provider_key" ON "MessengerChannel"("municipalityId", "provider");

-- CreateIndex
CREATE UNIQUE INDEX "ChannelContact_userId_key" ON "ChannelContact"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ChannelContact_channelId_addressHash_key" ON "ChannelContact"("channelId", "addressHash");

-- CreateIndex
CREATE INDEX "ChannelContribution_channelId_senderHash_idx" ON "ChannelContribution"("channelId", "senderHash");

-- CreateIndex
CREATE UNIQUE INDEX "ChannelBlock_channelId_addressHash_key" ON "ChannelBlock"("channelId", "addressHash");

-- AddForeignKey
ALTER TABLE "MessengerChannel" ADD CONSTRAINT "MessengerChannel_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelContact" ADD CONSTRAINT "ChannelContact_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "MessengerChannel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelContact" ADD CONSTRAINT "ChannelContact_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelContribution" ADD CONSTRAINT "ChannelContribution_contributionId_fkey" FOREIGN KEY ("contributionId") REFERENCES "Contribution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelContribution" ADD CONSTRAINT "ChannelContribution_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "MessengerChannel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelBlock" ADD CONSTRAINT "ChannelBlock_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "MessengerChannel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written in by messenger (decision 045): no account, nobody recorded it, and the person confirmed
-- the read-back themselves — nothing is published from an unconfirmed conversation. (The new enum
-- value cannot be used as one within this transaction, hence the comparison as text.)
ALTER TABLE "Contribution" DROP CONSTRAINT "contribution_on_behalf_names_recorder";
ALTER TABLE "Contribution" ADD CONSTRAINT "contribution_on_behalf_names_recorder" CHECK (
  ("source" = 'ONLINE' AND "recordedById" IS NULL AND "authorId" IS NOT NULL
     AND "meetingId" IS NULL AND "interpreterId" IS NULL AND "interpreterName" IS NULL
     AND "readBackConfirmedAt" IS NULL)
  OR ("source"::text = 'MESSENGER' AND "recordedById" IS NULL AND "meetingId" IS NULL
     AND "interpreterId" IS NULL AND "interpreterName" IS NULL AND "readBackConfirmedAt" IS NOT NULL)
  OR ("source" <> 'ONLINE' AND "source"::text <> 'MESSENGER' AND "recordedById" IS NOT NULL)
);

-- A channel's own number and reference are short; the secret is ciphertext only.
ALTER TABLE "MessengerChannel" ADD CONSTRAINT "messenger_channel_number_format" CHECK ("number" ~ '^\+[1-9][0-9]{6,14}$');
ALTER TABLE "MessengerChannel" ADD CONSTRAINT "messenger_channel_secret_encrypted" CHECK ("secretEncrypted" IS NULL OR "secretEncrypted" LIKE 'v1.%');
-- Only ciphertext and a hash: a plain number can never be stored here by mistake.
ALTER TABLE "ChannelContact" ADD CONSTRAINT "channel_contact_address_encrypted" CHECK ("addressEncrypted" LIKE 'v1.%' AND "addressHash" ~ '^[0-9a-f]{64}$');
ALTER TABLE "ChannelContribution" ADD CONSTRAINT "channel_contribution_sender_hash" CHECK ("senderHash" ~ '^[0-9a-f]{64}$');
ALTER TABLE "ChannelBlock" ADD CONSTRAINT "channel_block_address_hash" CHECK ("addressHash" ~ '^[0-9a-f]{64}$');
-- A conversation in progress always lapses.
ALTER TABLE "ChannelContact" ADD CONSTRAINT "channel_contact_state_expires" CHECK ("state" IS NULL OR "stateExpiresAt" IS NOT NULL);
