"""one recorded session per planned session and day

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Two recordings of the same planned session (possible before, from two writers at once on a
    # shared server) keep the first as the planned one; the others stay, as sessions beyond the plan.
    op.execute(
        "UPDATE activity_sessions SET schedule_entry_id = NULL "
        "WHERE schedule_entry_id IS NOT NULL AND id > ("
        " SELECT MIN(s.id) FROM activity_sessions s"
        " WHERE s.schedule_entry_id = activity_sessions.schedule_entry_id AND s.held_on = activity_sessions.held_on)"
    )
    op.create_index('uq_activity_sessions_entry_day', 'activity_sessions', ['schedule_entry_id', 'held_on'],
                    unique=True)


def downgrade() -> None:
    op.drop_index('uq_activity_sessions_entry_day', table_name='activity_sessions')
