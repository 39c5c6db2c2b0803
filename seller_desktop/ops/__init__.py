"""User intents: each op validates, then writes a local change and its outbox row in one
transaction on the store's writer, and returns a ChangeSet.

Every op is ``async`` (``await ops.products.save_product(store, product)``) with a ``_sync`` twin
for the CLI and tests. Validation problems raise ``domain.ValidationFailed`` with Chinese
messages naming the field; nothing is written then.
"""
