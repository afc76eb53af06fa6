DROP INDEX `participants_event_idx`;--> statement-breakpoint
CREATE INDEX `participants_event_idx` ON `participants` (`event_id`,`joined_at`,`id`);--> statement-breakpoint
ALTER TABLE `plans` ADD `steps` text;