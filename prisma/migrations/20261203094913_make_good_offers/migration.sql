-- CreateEnum
CREATE TYPE "OfferState" AS ENUM ('draft', 'sent');

-- AlterTable
ALTER TABLE "customers" ADD COLUMN     "stripe_customer_id" VARCHAR(255);

-- CreateTable
CREATE TABLE "offers" (
    "id" TEXT NOT NULL,
    "incident_id" TEXT NOT NULL,
    "choices" JSONB NOT NULL,
    "has_comment_box" BOOLEAN NOT NULL DEFAULT false,
    "subject" VARCHAR(200) NOT NULL,
    "body" TEXT NOT NULL,
    "deadline" TIMESTAMPTZ(3) NOT NULL,
    "audience" JSONB NOT NULL DEFAULT '{}',
    "state" "OfferState" NOT NULL DEFAULT 'draft',
    "campaign_id" TEXT,
    "created_by_id" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "offers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "offer_responses" (
    "offer_id" TEXT NOT NULL,
    "customer_id" TEXT NOT NULL,
    "token_hash" VARCHAR(64) NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "amounts" JSONB NOT NULL,
    "choice" VARCHAR(20),
    "amount" INTEGER,
    "comment" VARCHAR(2000),
    "responded_at" TIMESTAMPTZ(3),
    "credited_at" TIMESTAMPTZ(3),
    "billing_reference" VARCHAR(200),
    "stripe_error" VARCHAR(500),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "offer_responses_pkey" PRIMARY KEY ("offer_id","customer_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "offers_campaign_id_key" ON "offers"("campaign_id");

-- CreateIndex
CREATE INDEX "offers_incident_id_idx" ON "offers"("incident_id");

-- CreateIndex
CREATE INDEX "offers_created_by_id_idx" ON "offers"("created_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "offer_responses_token_hash_key" ON "offer_responses"("token_hash");

-- CreateIndex
CREATE INDEX "offer_responses_customer_id_idx" ON "offer_responses"("customer_id");

-- CreateIndex
CREATE INDEX "offer_responses_offer_id_choice_idx" ON "offer_responses"("offer_id", "choice");

-- AddForeignKey
ALTER TABLE "offers" ADD CONSTRAINT "offers_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "offers" ADD CONSTRAINT "offers_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "offers" ADD CONSTRAINT "offers_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "offer_responses" ADD CONSTRAINT "offer_responses_offer_id_fkey" FOREIGN KEY ("offer_id") REFERENCES "offers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "offer_responses" ADD CONSTRAINT "offer_responses_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The link's token rides in its outbox row only until the message is sent:
-- then the row keeps no copy (the response row has only the token's hash).
CREATE FUNCTION candor_forget_offer_token() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.payload := NEW.payload - 'offerToken';
  RETURN NEW;
END $$;

CREATE TRIGGER outbox_forget_offer_token
  BEFORE UPDATE OF state ON "outbox"
  FOR EACH ROW WHEN (NEW.state = 'sent' AND NEW.payload ? 'offerToken')
  EXECUTE FUNCTION candor_forget_offer_token();
