"""hazard change-stamp indexes (the ledger asks "did anything change?" from them)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 12:40:00
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("hazards", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_hazards_version"), ["version"], unique=False)
        batch_op.create_index(batch_op.f("ix_hazards_updated_at"), ["updated_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("hazards", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_hazards_updated_at"))
        batch_op.drop_index(batch_op.f("ix_hazards_version"))
