-- AlterTable
ALTER TABLE "page_settings" ADD COLUMN     "website_url" VARCHAR(300);
