CREATE TABLE `plans` (
	`event_id` text PRIMARY KEY NOT NULL,
	`basis_key` text NOT NULL,
	`rounds` text NOT NULL,
	`metrics` text NOT NULL,
	`evening_metrics` text NOT NULL,
	`computed_at` integer NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
