CREATE TABLE `assignments` (
	`round_id` integer NOT NULL,
	`participant_id` text NOT NULL,
	`table_id` integer NOT NULL,
	PRIMARY KEY(`round_id`, `participant_id`),
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`table_id`) REFERENCES `event_tables`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `assignments_participant_idx` ON `assignments` (`participant_id`);--> statement-breakpoint
CREATE TABLE `event_tables` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` text NOT NULL,
	`position` integer NOT NULL,
	`label` text NOT NULL,
	`seats` integer NOT NULL,
	`topic` text,
	`host_participant_id` text,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `event_tables_event_idx` ON `event_tables` (`event_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `event_tables_eventId_position_unique` ON `event_tables` (`event_id`,`position`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`title` text NOT NULL,
	`language` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`join_open` integer DEFAULT true NOT NULL,
	`minutes_per_round` integer NOT NULL,
	`planned_rounds` integer NOT NULL,
	`matching` text NOT NULL,
	`catalogue` text NOT NULL,
	`moderator_token_hash` text NOT NULL,
	`screen_token_hash` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`finished_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `events_code_unique` ON `events` (`code`);--> statement-breakpoint
CREATE TABLE `instance` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `moderator_actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` text NOT NULL,
	`at` integer NOT NULL,
	`action` text NOT NULL,
	`details` text NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `moderator_actions_event_idx` ON `moderator_actions` (`event_id`);--> statement-breakpoint
CREATE TABLE `participants` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`token_hash` text,
	`request_key_hash` text,
	`display_name` text NOT NULL,
	`organisation` text,
	`role` text NOT NULL,
	`stage` integer NOT NULL,
	`interests` text NOT NULL,
	`contact` text,
	`share_contact` integer DEFAULT false NOT NULL,
	`presence` text DEFAULT 'present' NOT NULL,
	`walk_in` integer DEFAULT false NOT NULL,
	`simulated` integer DEFAULT false NOT NULL,
	`joined_at` integer NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `participants_tokenHash_unique` ON `participants` (`token_hash`);--> statement-breakpoint
CREATE INDEX `participants_event_idx` ON `participants` (`event_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `participants_eventId_requestKeyHash_unique` ON `participants` (`event_id`,`request_key_hash`);--> statement-breakpoint
CREATE TABLE `rounds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` text NOT NULL,
	`number` integer NOT NULL,
	`status` text NOT NULL,
	`started_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`ended_at` integer,
	`metrics` text NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rounds_eventId_number_unique` ON `rounds` (`event_id`,`number`);