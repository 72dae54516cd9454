"""sign-up lists: places and waiting lists for trips, events, courses and groups

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('signup_lists',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('schedule_entry_id', sa.Integer(), nullable=True),
    sa.Column('activity_id', sa.Integer(), nullable=False),
    sa.Column('place_id', sa.Integer(), nullable=False),
    sa.Column('term_id', sa.Integer(), nullable=False),
    sa.Column('on_date', sa.Date(), nullable=True),
    sa.Column('places', sa.Integer(), nullable=False),
    sa.Column('last_day', sa.Date(), nullable=True),
    sa.Column('cleared_at', sa.DateTime(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False),
    sa.CheckConstraint('places >= 1', name=op.f('ck_signup_lists_places')),
    sa.ForeignKeyConstraint(['activity_id'], ['activities.id'], name=op.f('fk_signup_lists_activity_id_activities')),
    sa.ForeignKeyConstraint(['place_id'], ['places.id'], name=op.f('fk_signup_lists_place_id_places')),
    sa.ForeignKeyConstraint(['schedule_entry_id'], ['schedule_entries.id'], name=op.f('fk_signup_lists_schedule_entry_id_schedule_entries'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['term_id'], ['terms.id'], name=op.f('fk_signup_lists_term_id_terms')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_signup_lists_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_signup_lists')),
    sa.UniqueConstraint('schedule_entry_id', name=op.f('uq_signup_lists_schedule_entry_id'))
    )
    for column in ('activity_id', 'place_id', 'term_id', 'unit_id'):
        op.create_index(f'ix_signup_lists_{column}', 'signup_lists', [column], unique=False)

    op.create_table('signup_participants',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('list_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=True),
    sa.Column('phone', sa.String(length=40), nullable=True),
    sa.Column('phone_key', sa.String(length=40), nullable=True),
    sa.Column('email', sa.String(length=120), nullable=True),
    sa.Column('note', sa.String(length=255), nullable=True),
    sa.Column('gender', sa.String(length=40), nullable=True),
    sa.Column('pseudonym', sa.BigInteger(), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False),
    sa.CheckConstraint("status IN ('plats', 'reserv', 'slutat')", name=op.f('ck_signup_participants_status')),
    sa.ForeignKeyConstraint(['list_id'], ['signup_lists.id'], name=op.f('fk_signup_participants_list_id_signup_lists'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_signup_participants')),
    sa.UniqueConstraint('list_id', 'phone_key', name=op.f('uq_signup_participants_list_id_phone_key')),
    sa.UniqueConstraint('list_id', 'seq', name=op.f('uq_signup_participants_list_id_seq'))
    )
    op.create_index('ix_signup_participants_phone_key', 'signup_participants', ['phone_key'], unique=False)

    op.create_table('signup_presence',
    sa.Column('participant_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('new_visitor', sa.Boolean(), server_default='0', nullable=False),
    sa.ForeignKeyConstraint(['participant_id'], ['signup_participants.id'], name=op.f('fk_signup_presence_participant_id_signup_participants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('participant_id', 'day', name=op.f('pk_signup_presence'))
    )


def downgrade() -> None:
    op.drop_table('signup_presence')
    op.drop_index('ix_signup_participants_phone_key', table_name='signup_participants')
    op.drop_table('signup_participants')
    for column in ('activity_id', 'place_id', 'term_id', 'unit_id'):
        op.drop_index(f'ix_signup_lists_{column}', table_name='signup_lists')
    op.drop_table('signup_lists')
