"""how to sign up for an activity; the invented contact details of earlier reference data removed

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

# What the first reference data gave every new database: street addresses, a unit head and
# phone numbers nobody at the unit wrote. A value still exactly as it was installed goes; a
# value the unit has changed is its own and stays.
INVENTED_ADDRESSES = (
    'Axelsbergs aktivitetscenter, Hägerstensvägen 8',
    'Bio Aspen, Aspenvägen 3, Aspudden',
    'Fruängens centrum, Fruängstorget 3',
    'Fruängsgården, Fruängsgatan 12',
    'Fruängsparken',
    'Gröndalsvägen 40',
    'Hägerstensåsens medborgarhus, Sedelvägen 6',
    'Långbrobergs servicehus, Långbrovägen 2',
    'Mälarhöjdens träffpunkt, Bäckvägen 5',
    'Mälarhöjdsbadet',
    'Västertorpsträffen, Västertorpsvägen 20',
    'Västertorpsvägen 131',
    'Älvsjö centrum, Älvsjö torg 4',
    'Älvsjöskogen',
    'Älvsjövägen 46',
)
_SERVICES = {
    'it_stod': ('IT-pedagogen hjälper dig med mobil, surfplatta och dator.', '001'),
    'fixartjanst': ('Fixaren kommer hem till dig och byter glödlampor, sätter upp brandvarnare och halkskydd.',
                    '002'),
    'syn_horsel': ('Syn- och hörselinstruktörerna hjälper dig med hjälpmedel, hemma eller på öppen mottagning.',
                   '003'),
    'anhorigstod': ('Anhörigkonsulenterna ger stöd till dig som hjälper en närstående.', '004'),
    'aldrestod': ('Äldrestöd ger råd och vägledning om livet som senior.', '005'),
}
_PRESENTATION = (
    'Seniorhälsan är stadsdelens hälsofrämjande enhet för dig som är 65 år eller äldre. Vi vill att du ska '
    'må bra, röra på dig och träffa andra. Hos oss finns träning, samvaro, kultur och föreläsningar på tio '
    'mötesplatser och i två gym.{claim}\n\nVi ger också stöd hemma hos dig: fixartjänst, syn- och '
    'hörselstöd, IT-stöd och stöd till anhöriga.'
)
# key: (as installed, what replaces it; None removes the text)
INVENTED_TEXTS = {
    'folder.unit_head': ('Enhetschef: Karin Exempelsson\nTelefon: 08-508 00 000\nE-post: seniorhalsan@example.se',
                         None),
    'folder.presentation': (
        _PRESENTATION.format(claim=' De flesta aktiviteter är gratis och du behöver inte anmäla dig i förväg.'),
        _PRESENTATION.format(claim=''),
    ),
    'folder.other_actors': (
        'Pensionärsföreningar: PRO och SPF har egna träffar i stadsdelen.\n'
        'Studieförbund: Sensus och ABF har cirklar för seniorer.\n'
        'Biblioteken i Hägerstensåsen, Aspudden och Älvsjö har läsecirklar och IT-hjälp.\n'
        'Äldre direkt, stadens telefonlinje för äldre: 08-80 65 65.',
        'Pensionärsorganisationerna PRO och SPF: bio och lunch på Bio Aspen en gång i månaden, tillsammans med oss.\n'
        'Västertorps sim- och idrottshall: vi samarbetar med hallen och ordnar introduktion för seniorer där.\n'
        'Lilla skafferiet (socialpsykiatrins dagverksamhet) lagar och serverar luncherna på Matlyftet i Västertorp.',
    ),
    **{f'folder.service.{key}': (f'{text} Ring 08-508 00 {number}.', text)
       for key, (text, number) in _SERVICES.items()},
}


def upgrade() -> None:
    op.add_column('activities', sa.Column('signup', sa.String(length=255), nullable=True))
    places = sa.table('places', sa.column('address', sa.String), sa.column('version', sa.Integer))
    op.execute(places.update().where(places.c.address.in_(INVENTED_ADDRESSES))
               .values(address=None, version=places.c.version + 1))
    texts = sa.table('unit_texts', sa.column('key', sa.String), sa.column('body', sa.Text))
    for key, (installed, replacement) in INVENTED_TEXTS.items():
        match = sa.and_(texts.c.key == key, texts.c.body == installed)
        if replacement is None:
            op.execute(texts.delete().where(match))
        else:
            op.execute(texts.update().where(match).values(body=replacement))


def downgrade() -> None:
    # the invented values are not put back
    op.execute("ALTER TABLE activities DROP COLUMN signup")
