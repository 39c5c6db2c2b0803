"""Sync: pull the shop into the store, push the outbox, detect conflicts."""
