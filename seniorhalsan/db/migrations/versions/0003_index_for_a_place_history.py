"""index for a place's history

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A place's sessions newest first (and any page of them) come from this index alone.
    op.create_index('ix_activity_sessions_unit_place_date', 'activity_sessions',
                    ['unit_id', 'place_id', 'held_on', 'starts_at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_activity_sessions_unit_place_date', table_name='activity_sessions')
