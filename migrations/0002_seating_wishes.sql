CREATE TABLE `known_pairs` (
	`event_id` text NOT NULL,
	`marked_by` text NOT NULL,
	`other` text NOT NULL,
	PRIMARY KEY(`marked_by`, `other`),
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`marked_by`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`other`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `known_pairs_event_idx` ON `known_pairs` (`event_id`);--> statement-breakpoint
ALTER TABLE `event_tables` ADD `features` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `participants` ADD `stay_seated` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `participants` ADD `table_needs` text DEFAULT '[]' NOT NULL;