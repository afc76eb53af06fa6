CREATE TABLE `feedback_counts` (
	`round_id` integer NOT NULL,
	`face` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`round_id`, `face`),
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `feedback_given` (
	`round_id` integer NOT NULL,
	`participant_id` text NOT NULL,
	PRIMARY KEY(`round_id`, `participant_id`),
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `harvest_walls` (
	`event_id` text PRIMARY KEY NOT NULL,
	`round_number` integer,
	`shown_at` integer NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `round_questions` (
	`event_id` text NOT NULL,
	`round_number` integer NOT NULL,
	`de` text,
	`en` text,
	PRIMARY KEY(`event_id`, `round_number`),
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `takeaways` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` text NOT NULL,
	`round_id` integer NOT NULL,
	`table_id` integer NOT NULL,
	`text` text NOT NULL,
	`hidden` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`table_id`) REFERENCES `event_tables`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `takeaways_event_idx` ON `takeaways` (`event_id`);--> statement-breakpoint
CREATE INDEX `takeaways_round_table_idx` ON `takeaways` (`round_id`,`table_id`);