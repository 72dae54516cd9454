"""an activity may be without a type until the coordinator gives it one

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # SQLite rebuilds the table for this (see `migrate.upgrade`, which lets it keep its references)
    with op.batch_alter_table('activities', schema=None) as batch_op:
        batch_op.alter_column('kind_id', existing_type=sa.Integer(), nullable=True)


def downgrade() -> None:
    # an activity still without a type gets the one it would have had before: social
    op.execute("UPDATE activities SET kind_id = (SELECT id FROM activity_kinds WHERE key = 'social') "
               "WHERE kind_id IS NULL")
    with op.batch_alter_table('activities', schema=None) as batch_op:
        batch_op.alter_column('kind_id', existing_type=sa.Integer(), nullable=False)
