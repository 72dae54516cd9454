"""the year's goals: a target per chosen figure, for women and men where counted, and the analyses

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('goals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('figure', sa.String(length=120), nullable=False),
    sa.Column('target', sa.Integer(), nullable=False),
    sa.Column('women', sa.Integer(), nullable=True),
    sa.Column('men', sa.Integer(), nullable=True),
    sa.Column('analysis', sa.Text(), nullable=True),
    sa.Column('analysis_t1', sa.Text(), nullable=True),
    sa.Column('analysis_t2', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False),
    sa.CheckConstraint('(women IS NULL OR women >= 1) AND (men IS NULL OR men >= 1)', name=op.f('ck_goals_genders')),
    sa.CheckConstraint('target >= 1', name=op.f('ck_goals_target')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_goals_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_goals')),
    sa.UniqueConstraint('unit_id', 'year', 'figure', name=op.f('uq_goals_unit_id_year_figure'))
    )


def downgrade() -> None:
    op.drop_table('goals')
