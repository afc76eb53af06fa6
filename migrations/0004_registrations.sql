CREATE TABLE `registrations` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`ticket_id` text NOT NULL,
	`claim_hash` text NOT NULL,
	`display_name` text NOT NULL,
	`organisation` text,
	`role` text,
	`stage` integer,
	`interests` text NOT NULL,
	`email` text,
	`participant_id` text,
	`imported_at` integer NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `registrations_claimHash_unique` ON `registrations` (`claim_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `registrations_participantId_unique` ON `registrations` (`participant_id`);--> statement-breakpoint
CREATE INDEX `registrations_event_idx` ON `registrations` (`event_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `registrations_eventId_ticketId_unique` ON `registrations` (`event_id`,`ticket_id`);