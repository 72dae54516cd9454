"""the outreach log, how a person found each service, the volunteer register, the partner register

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('outreach',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('partner_id', sa.Integer(), nullable=True),
    sa.Column('reached', sa.Integer(), nullable=True),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False),
    sa.CheckConstraint('reached IS NULL OR reached >= 0', name=op.f('ck_outreach_reached')),
    sa.ForeignKeyConstraint(['partner_id'], ['places.id'], name=op.f('fk_outreach_partner_id_places')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_outreach_staff_id_staff')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_outreach_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outreach'))
    )
    op.create_index('ix_outreach_partner_id', 'outreach', ['partner_id'], unique=False)
    op.create_index('ix_outreach_staff_id', 'outreach', ['staff_id'], unique=False)
    op.create_index('ix_outreach_unit_date', 'outreach', ['unit_id', 'held_on'], unique=False)

    op.create_table('person_routes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('service_id', sa.Integer(), nullable=False),
    sa.Column('route', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_person_routes_person_id_persons'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['service_id'], ['services.id'], name=op.f('fk_person_routes_service_id_services')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person_routes')),
    sa.UniqueConstraint('person_id', 'service_id', name=op.f('uq_person_routes_person_id_service_id'))
    )
    op.create_index('ix_person_routes_service_id', 'person_routes', ['service_id'], unique=False)

    op.create_table('staff_places',
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('place_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['place_id'], ['places.id'], name=op.f('fk_staff_places_place_id_places')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_staff_places_staff_id_staff'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('staff_id', 'place_id', name=op.f('pk_staff_places'))
    )
    op.create_index('ix_staff_places_place_id', 'staff_places', ['place_id'], unique=False)

    # a partner's entry in the partner register
    op.add_column('places', sa.Column('contact', sa.String(length=255), nullable=True))
    op.add_column('places', sa.Column('together', sa.Text(), nullable=True))
    # a volunteer's entry in the volunteer register
    op.add_column('staff', sa.Column('helps_with', sa.String(length=255), nullable=True))
    op.add_column('staff', sa.Column('started_on', sa.Date(), nullable=True))
    op.add_column('staff', sa.Column('ended_on', sa.Date(), nullable=True))
    op.add_column('staff', sa.Column('erased_at', sa.DateTime(), nullable=True))


def downgrade() -> None:
    # plain ALTER TABLE … DROP COLUMN (SQLite 3.35 and later): copying the staff table instead
    # would take its services along (ON DELETE CASCADE) when foreign keys are on
    for column in ('erased_at', 'ended_on', 'started_on', 'helps_with'):
        op.drop_column('staff', column)
    op.drop_column('places', 'together')
    op.drop_column('places', 'contact')
    op.drop_index('ix_staff_places_place_id', table_name='staff_places')
    op.drop_table('staff_places')
    op.drop_index('ix_person_routes_service_id', table_name='person_routes')
    op.drop_table('person_routes')
    for index in ('ix_outreach_unit_date', 'ix_outreach_staff_id', 'ix_outreach_partner_id'):
        op.drop_index(index, table_name='outreach')
    op.drop_table('outreach')
