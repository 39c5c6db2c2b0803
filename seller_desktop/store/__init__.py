"""SQLite store: schema and migrations, repositories, outbox, watermarks, full-text search."""
