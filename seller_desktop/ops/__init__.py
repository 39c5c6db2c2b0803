"""User intents: each op writes a local change and its outbox row in one transaction."""
