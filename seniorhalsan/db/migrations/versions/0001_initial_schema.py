"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('activity_kinds',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('sort_order', sa.Integer(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activity_kinds')),
    sa.UniqueConstraint('key', name=op.f('uq_activity_kinds_key'))
    )
    op.create_table('feedback_categories',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('grp', sa.String(length=40), nullable=False),
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.Column('short_name', sa.String(length=120), nullable=False),
    sa.Column('sort_order', sa.Integer(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_feedback_categories')),
    sa.UniqueConstraint('grp', 'key', name=op.f('uq_feedback_categories_grp_key'))
    )
    op.create_table('services',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('target_group', sa.String(length=255), nullable=True),
    sa.Column('min_age', sa.Integer(), nullable=True),
    sa.Column('sort_order', sa.Integer(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_services')),
    sa.UniqueConstraint('key', name=op.f('uq_services_key'))
    )
    op.create_table('units',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('district', sa.String(length=120), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_units')),
    sa.UniqueConstraint('key', name=op.f('uq_units_key'))
    )
    op.create_table('persons',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('reference', sa.String(length=40), nullable=True),
    sa.Column('name', sa.String(length=120), nullable=True),
    sa.Column('birth_year', sa.Integer(), nullable=False),
    sa.Column('gender', sa.String(length=40), nullable=False),
    sa.Column('housing', sa.String(length=40), nullable=True),
    sa.Column('phone', sa.String(length=40), nullable=True),
    sa.Column('email', sa.String(length=120), nullable=True),
    sa.Column('address', sa.String(length=255), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('erased_at', sa.DateTime(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_persons_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_persons')),
    sa.UniqueConstraint('unit_id', 'reference', name=op.f('uq_persons_unit_id_reference'))
    )
    with op.batch_alter_table('persons', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_persons_unit_id'), ['unit_id'], unique=False)

    op.create_table('places',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('address', sa.String(length=255), nullable=True),
    sa.Column('opened_on', sa.Date(), nullable=True),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.CheckConstraint('closed_on IS NULL OR opened_on IS NULL OR closed_on >= opened_on', name=op.f('ck_places_period')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_places_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_places'))
    )
    with op.batch_alter_table('places', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_places_unit_id'), ['unit_id'], unique=False)

    op.create_table('service_tasks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('service_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('sort_order', sa.Integer(), server_default='0', nullable=False),
    sa.ForeignKeyConstraint(['service_id'], ['services.id'], name=op.f('fk_service_tasks_service_id_services')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_tasks')),
    sa.UniqueConstraint('service_id', 'key', name=op.f('uq_service_tasks_service_id_key'))
    )
    with op.batch_alter_table('service_tasks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_tasks_service_id'), ['service_id'], unique=False)

    op.create_table('staff',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('title', sa.String(length=120), nullable=True),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=True),
    sa.Column('email', sa.String(length=120), nullable=True),
    sa.Column('active', sa.Boolean(), server_default='1', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_staff_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff'))
    )
    with op.batch_alter_table('staff', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_staff_unit_id'), ['unit_id'], unique=False)

    op.create_table('terms',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.CheckConstraint('ends_on >= starts_on', name=op.f('ck_terms_period')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_terms_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_terms')),
    sa.UniqueConstraint('unit_id', 'kind', 'year', name=op.f('uq_terms_unit_id_kind_year'))
    )
    with op.batch_alter_table('terms', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_terms_unit_id'), ['unit_id'], unique=False)

    op.create_table('unit_texts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=120), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_unit_texts_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_unit_texts')),
    sa.UniqueConstraint('unit_id', 'key', name=op.f('uq_unit_texts_unit_id_key'))
    )
    op.create_table('activities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('kind_id', sa.Integer(), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('place_id', sa.Integer(), nullable=True),
    sa.Column('leader_id', sa.Integer(), nullable=True),
    sa.Column('digital', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('outdoors', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('needs_signup', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('active', sa.Boolean(), server_default='1', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['kind_id'], ['activity_kinds.id'], name=op.f('fk_activities_kind_id_activity_kinds')),
    sa.ForeignKeyConstraint(['leader_id'], ['staff.id'], name=op.f('fk_activities_leader_id_staff')),
    sa.ForeignKeyConstraint(['place_id'], ['places.id'], name=op.f('fk_activities_place_id_places')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_activities_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activities')),
    sa.UniqueConstraint('unit_id', 'name', name=op.f('uq_activities_unit_id_name'))
    )
    with op.batch_alter_table('activities', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_activities_kind_id'), ['kind_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_activities_leader_id'), ['leader_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_activities_place_id'), ['place_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_activities_unit_id'), ['unit_id'], unique=False)

    op.create_table('contacts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('service_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('contact_date', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('minutes', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False),
    sa.CheckConstraint('minutes IS NULL OR minutes >= 0', name=op.f('ck_contacts_minutes')),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_contacts_person_id_persons')),
    sa.ForeignKeyConstraint(['service_id'], ['services.id'], name=op.f('fk_contacts_service_id_services')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_contacts_staff_id_staff')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_contacts_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contacts'))
    )
    with op.batch_alter_table('contacts', schema=None) as batch_op:
        batch_op.create_index('ix_contacts_person_service_date', ['person_id', 'service_id', 'contact_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_contacts_staff_id'), ['staff_id'], unique=False)
        batch_op.create_index('ix_contacts_unit_service_date', ['unit_id', 'service_id', 'contact_date'], unique=False)

    op.create_table('group_meetings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('service_id', sa.Integer(), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('title', sa.String(length=120), nullable=False),
    sa.Column('participants', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('place_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.String(length=255), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.CheckConstraint('participants >= 0', name=op.f('ck_group_meetings_participants')),
    sa.ForeignKeyConstraint(['place_id'], ['places.id'], name=op.f('fk_group_meetings_place_id_places')),
    sa.ForeignKeyConstraint(['service_id'], ['services.id'], name=op.f('fk_group_meetings_service_id_services')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_group_meetings_staff_id_staff')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_group_meetings_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_group_meetings'))
    )
    with op.batch_alter_table('group_meetings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_group_meetings_place_id'), ['place_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_group_meetings_service_id'), ['service_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_group_meetings_staff_id'), ['staff_id'], unique=False)
        batch_op.create_index('ix_group_meetings_unit_date', ['unit_id', 'held_on'], unique=False)

    op.create_table('place_names',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('place_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('used_until', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['place_id'], ['places.id'], name=op.f('fk_place_names_place_id_places'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_place_names'))
    )
    with op.batch_alter_table('place_names', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_place_names_place_id'), ['place_id'], unique=False)

    op.create_table('staff_services',
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('service_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['service_id'], ['services.id'], name=op.f('fk_staff_services_service_id_services')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_staff_services_staff_id_staff'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('staff_id', 'service_id', name=op.f('pk_staff_services'))
    )
    op.create_table('trainings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('service_id', sa.Integer(), nullable=True),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('audience', sa.String(length=255), nullable=False),
    sa.Column('topic', sa.String(length=255), nullable=True),
    sa.Column('participants', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('minutes', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.CheckConstraint('participants >= 0', name=op.f('ck_trainings_participants')),
    sa.ForeignKeyConstraint(['service_id'], ['services.id'], name=op.f('fk_trainings_service_id_services')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_trainings_staff_id_staff')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_trainings_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_trainings'))
    )
    with op.batch_alter_table('trainings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_trainings_service_id'), ['service_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_trainings_staff_id'), ['staff_id'], unique=False)
        batch_op.create_index('ix_trainings_unit_date', ['unit_id', 'held_on'], unique=False)

    op.create_table('contact_tasks',
    sa.Column('contact_id', sa.Integer(), nullable=False),
    sa.Column('task_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], name=op.f('fk_contact_tasks_contact_id_contacts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['task_id'], ['service_tasks.id'], name=op.f('fk_contact_tasks_task_id_service_tasks')),
    sa.PrimaryKeyConstraint('contact_id', 'task_id', name=op.f('pk_contact_tasks'))
    )
    with op.batch_alter_table('contact_tasks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contact_tasks_task_id'), ['task_id'], unique=False)

    op.create_table('feedback',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('channel', sa.String(length=40), nullable=False),
    sa.Column('type', sa.String(length=40), nullable=False),
    sa.Column('from_id', sa.Integer(), nullable=False),
    sa.Column('about_id', sa.Integer(), nullable=True),
    sa.Column('about_note', sa.String(length=255), nullable=True),
    sa.Column('place_id', sa.Integer(), nullable=True),
    sa.Column('activity_id', sa.Integer(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('contact', sa.String(length=255), nullable=True),
    sa.Column('anonymous', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('confidential', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('response_due', sa.Date(), nullable=False),
    sa.Column('answered_on', sa.Date(), nullable=True),
    sa.Column('answer_text', sa.Text(), nullable=True),
    sa.Column('action_on', sa.Date(), nullable=True),
    sa.Column('action_text', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False),
    sa.CheckConstraint('answered_on IS NULL OR answered_on >= received_on', name=op.f('ck_feedback_answered')),
    sa.ForeignKeyConstraint(['about_id'], ['feedback_categories.id'], name=op.f('fk_feedback_about_id_feedback_categories')),
    sa.ForeignKeyConstraint(['activity_id'], ['activities.id'], name=op.f('fk_feedback_activity_id_activities')),
    sa.ForeignKeyConstraint(['from_id'], ['feedback_categories.id'], name=op.f('fk_feedback_from_id_feedback_categories')),
    sa.ForeignKeyConstraint(['place_id'], ['places.id'], name=op.f('fk_feedback_place_id_places')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_feedback_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_feedback'))
    )
    with op.batch_alter_table('feedback', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_feedback_about_id'), ['about_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_feedback_activity_id'), ['activity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_feedback_from_id'), ['from_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_feedback_place_id'), ['place_id'], unique=False)
        batch_op.create_index('ix_feedback_unit_received', ['unit_id', 'received_on'], unique=False)

    op.create_table('schedule_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('term_id', sa.Integer(), nullable=False),
    sa.Column('activity_id', sa.Integer(), nullable=False),
    sa.Column('place_id', sa.Integer(), nullable=False),
    sa.Column('weekday', sa.Integer(), nullable=True),
    sa.Column('on_date', sa.Date(), nullable=True),
    sa.Column('starts_at', sa.Time(), nullable=False),
    sa.Column('ends_at', sa.Time(), nullable=True),
    sa.Column('leader_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.String(length=255), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.CheckConstraint('ends_at IS NULL OR ends_at > starts_at', name=op.f('ck_schedule_entries_times')),
    sa.CheckConstraint('weekday IS NOT NULL OR on_date IS NOT NULL', name=op.f('ck_schedule_entries_when')),
    sa.CheckConstraint('weekday IS NULL OR weekday BETWEEN 1 AND 7', name=op.f('ck_schedule_entries_weekday')),
    sa.ForeignKeyConstraint(['activity_id'], ['activities.id'], name=op.f('fk_schedule_entries_activity_id_activities')),
    sa.ForeignKeyConstraint(['leader_id'], ['staff.id'], name=op.f('fk_schedule_entries_leader_id_staff')),
    sa.ForeignKeyConstraint(['place_id'], ['places.id'], name=op.f('fk_schedule_entries_place_id_places')),
    sa.ForeignKeyConstraint(['term_id'], ['terms.id'], name=op.f('fk_schedule_entries_term_id_terms'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_schedule_entries'))
    )
    with op.batch_alter_table('schedule_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_schedule_entries_activity_id'), ['activity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_schedule_entries_leader_id'), ['leader_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_schedule_entries_place_id'), ['place_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_schedule_entries_term_id'), ['term_id'], unique=False)

    op.create_table('activity_sessions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('activity_id', sa.Integer(), nullable=False),
    sa.Column('place_id', sa.Integer(), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('starts_at', sa.Time(), nullable=True),
    sa.Column('ends_at', sa.Time(), nullable=True),
    sa.Column('schedule_entry_id', sa.Integer(), nullable=True),
    sa.Column('cancelled', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('women', sa.Integer(), nullable=True),
    sa.Column('men', sa.Integer(), nullable=True),
    sa.Column('other', sa.Integer(), nullable=True),
    sa.Column('total', sa.Integer(), nullable=True),
    sa.Column('new_visitors', sa.Integer(), nullable=True),
    sa.Column('note', sa.String(length=255), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False),
    sa.CheckConstraint('(women IS NULL OR women >= 0) AND (men IS NULL OR men >= 0) AND (other IS NULL OR other >= 0) AND (total IS NULL OR total >= 0) AND (new_visitors IS NULL OR new_visitors >= 0)', name=op.f('ck_activity_sessions_counts')),
    sa.ForeignKeyConstraint(['activity_id'], ['activities.id'], name=op.f('fk_activity_sessions_activity_id_activities')),
    sa.ForeignKeyConstraint(['place_id'], ['places.id'], name=op.f('fk_activity_sessions_place_id_places')),
    sa.ForeignKeyConstraint(['schedule_entry_id'], ['schedule_entries.id'], name=op.f('fk_activity_sessions_schedule_entry_id_schedule_entries'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_activity_sessions_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activity_sessions'))
    )
    with op.batch_alter_table('activity_sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_activity_sessions_activity_id'), ['activity_id'], unique=False)
        batch_op.create_index('ix_activity_sessions_place_date', ['place_id', 'held_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_activity_sessions_schedule_entry_id'), ['schedule_entry_id'], unique=False)
        batch_op.create_index('ix_activity_sessions_unit_date', ['unit_id', 'held_on'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('activity_sessions', schema=None) as batch_op:
        batch_op.drop_index('ix_activity_sessions_unit_date')
        batch_op.drop_index(batch_op.f('ix_activity_sessions_schedule_entry_id'))
        batch_op.drop_index('ix_activity_sessions_place_date')
        batch_op.drop_index(batch_op.f('ix_activity_sessions_activity_id'))

    op.drop_table('activity_sessions')
    with op.batch_alter_table('schedule_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_schedule_entries_term_id'))
        batch_op.drop_index(batch_op.f('ix_schedule_entries_place_id'))
        batch_op.drop_index(batch_op.f('ix_schedule_entries_leader_id'))
        batch_op.drop_index(batch_op.f('ix_schedule_entries_activity_id'))

    op.drop_table('schedule_entries')
    with op.batch_alter_table('feedback', schema=None) as batch_op:
        batch_op.drop_index('ix_feedback_unit_received')
        batch_op.drop_index(batch_op.f('ix_feedback_place_id'))
        batch_op.drop_index(batch_op.f('ix_feedback_from_id'))
        batch_op.drop_index(batch_op.f('ix_feedback_activity_id'))
        batch_op.drop_index(batch_op.f('ix_feedback_about_id'))

    op.drop_table('feedback')
    with op.batch_alter_table('contact_tasks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contact_tasks_task_id'))

    op.drop_table('contact_tasks')
    with op.batch_alter_table('trainings', schema=None) as batch_op:
        batch_op.drop_index('ix_trainings_unit_date')
        batch_op.drop_index(batch_op.f('ix_trainings_staff_id'))
        batch_op.drop_index(batch_op.f('ix_trainings_service_id'))

    op.drop_table('trainings')
    op.drop_table('staff_services')
    with op.batch_alter_table('place_names', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_place_names_place_id'))

    op.drop_table('place_names')
    with op.batch_alter_table('group_meetings', schema=None) as batch_op:
        batch_op.drop_index('ix_group_meetings_unit_date')
        batch_op.drop_index(batch_op.f('ix_group_meetings_staff_id'))
        batch_op.drop_index(batch_op.f('ix_group_meetings_service_id'))
        batch_op.drop_index(batch_op.f('ix_group_meetings_place_id'))

    op.drop_table('group_meetings')
    with op.batch_alter_table('contacts', schema=None) as batch_op:
        batch_op.drop_index('ix_contacts_unit_service_date')
        batch_op.drop_index(batch_op.f('ix_contacts_staff_id'))
        batch_op.drop_index('ix_contacts_person_service_date')

    op.drop_table('contacts')
    with op.batch_alter_table('activities', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_activities_unit_id'))
        batch_op.drop_index(batch_op.f('ix_activities_place_id'))
        batch_op.drop_index(batch_op.f('ix_activities_leader_id'))
        batch_op.drop_index(batch_op.f('ix_activities_kind_id'))

    op.drop_table('activities')
    op.drop_table('unit_texts')
    with op.batch_alter_table('terms', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_terms_unit_id'))

    op.drop_table('terms')
    with op.batch_alter_table('staff', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_staff_unit_id'))

    op.drop_table('staff')
    with op.batch_alter_table('service_tasks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_tasks_service_id'))

    op.drop_table('service_tasks')
    with op.batch_alter_table('places', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_places_unit_id'))

    op.drop_table('places')
    with op.batch_alter_table('persons', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_persons_unit_id'))

    op.drop_table('persons')
    op.drop_table('units')
    op.drop_table('services')
    op.drop_table('feedback_categories')
    op.drop_table('activity_kinds')
