"""The unit's data: places, activities, schedule, sessions, persons, contacts, feedback,
accounts, sign-ups, outreach and goals, one module per area; every model is importable from here.

Keys stored in text columns (kinds, genders, channels) are plain ASCII words listed in
`seniorhalsan.vocabulary`; the Swedish labels live there too.
"""

from ..base import Base
from .accounts import AccessLogEntry, User, user_services
from .attendance import ActivitySession
from .catalogue import (
    Activity,
    ActivityKind,
    Place,
    PlaceName,
    ScheduleEntry,
    Staff,
    Term,
    Unit,
    UnitText,
    staff_places,
    staff_services,
)
from .feedback import Feedback, FeedbackCategory
from .goals import Goal
from .mixins import Timestamped, Versioned
from .outreach import Outreach
from .signups import SignupList, SignupParticipant, SignupPresence
from .support import (
    Contact,
    GroupMeeting,
    Person,
    PersonRoute,
    Service,
    ServiceTask,
    Training,
    contact_tasks,
)

__all__ = [
    "AccessLogEntry",
    "Activity",
    "ActivityKind",
    "ActivitySession",
    "Base",
    "Contact",
    "Feedback",
    "FeedbackCategory",
    "Goal",
    "GroupMeeting",
    "Outreach",
    "Person",
    "PersonRoute",
    "Place",
    "PlaceName",
    "ScheduleEntry",
    "Service",
    "ServiceTask",
    "SignupList",
    "SignupParticipant",
    "SignupPresence",
    "Staff",
    "Term",
    "Timestamped",
    "Training",
    "Unit",
    "UnitText",
    "User",
    "Versioned",
    "contact_tasks",
    "staff_places",
    "staff_services",
    "user_services",
]
