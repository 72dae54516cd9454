"""access log: list views, lookups by record, and no truncating on PostgreSQL

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


# The trigger holds even for a superuser; the privileges hold for the program's own role,
# which owns the table (it can grant them back to itself, as any owner of a file can edit it).
POSTGRESQL_GUARDS = [
    "CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log "
    "FOR EACH STATEMENT EXECUTE FUNCTION access_log_read_only()",
    "REVOKE UPDATE, DELETE, TRUNCATE ON access_log FROM PUBLIC",
    "REVOKE UPDATE, DELETE, TRUNCATE ON access_log FROM CURRENT_USER",
]


def upgrade() -> None:
    op.add_column('access_log', sa.Column('record_ids', sa.Text(), nullable=True))
    op.create_index('ix_access_log_record', 'access_log', ['record_type', 'record_id'], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        for statement in POSTGRESQL_GUARDS:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("GRANT UPDATE, DELETE, TRUNCATE ON access_log TO CURRENT_USER")
        op.execute("DROP TRIGGER IF EXISTS access_log_no_truncate ON access_log")
    op.drop_index('ix_access_log_record', table_name='access_log')
    # not a batch copy of the table, which would lose SQLite's guards on it
    op.execute("ALTER TABLE access_log DROP COLUMN record_ids")
