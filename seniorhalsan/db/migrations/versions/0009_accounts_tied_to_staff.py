"""an account tied to its staff member; a unit filled with demo data says so

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-27
"""

from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from alembic import op
from alembic.operations import BatchOperations

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


@contextmanager
def users_table() -> Iterator[BatchOperations]:
    """Alter `users`; SQLite adds a named foreign key only by copying the table, and dropping the
    old copy would take the accounts' services with it (ON DELETE CASCADE): they are kept aside."""
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        op.execute("CREATE TEMPORARY TABLE kept_user_services AS SELECT user_id, service_id FROM user_services")
    with op.batch_alter_table('users', recreate='always' if sqlite else 'auto') as batch:
        yield batch
    if sqlite:
        op.execute("INSERT INTO user_services (user_id, service_id) SELECT user_id, service_id FROM kept_user_services "
                   "WHERE NOT EXISTS (SELECT 1 FROM user_services s WHERE s.user_id = kept_user_services.user_id "
                   "AND s.service_id = kept_user_services.service_id)")
        op.execute("DROP TABLE kept_user_services")


def upgrade() -> None:
    with users_table() as batch:
        batch.add_column(sa.Column('staff_id', sa.Integer(), nullable=True))
        batch.create_foreign_key('fk_users_staff_id_staff', 'staff', ['staff_id'], ['id'], ondelete='SET NULL')
        batch.create_index('ix_users_staff_id', ['staff_id'], unique=False)
    op.add_column('units', sa.Column('demo', sa.Boolean(), server_default='0', nullable=False))


def downgrade() -> None:
    op.drop_column('units', 'demo')
    with users_table() as batch:
        batch.drop_index('ix_users_staff_id')
        batch.drop_constraint('fk_users_staff_id_staff', type_='foreignkey')
        batch.drop_column('staff_id')
