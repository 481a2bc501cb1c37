"""Demo accounts for trying the site locally: only with DEBUG on, and printed so nobody has to guess."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from corpus.models import Article
from reader import classes
from reader.models import Classroom
from reader.roles import LEARNER, TEACHER

# Clearly labelled: the names say demo, and they exist only on DEBUG sites.
ACCOUNTS = [
    ("demo-teacher", "demo-teacher-password", TEACHER),
    ("demo-learner", "demo-learner-password", LEARNER),
]
CLASS_NAME = "Demo class"


class Command(BaseCommand):
    help = "Create demo teacher and learner accounts and a demo class (DEBUG only); prints the sign-ins."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo accounts are made only when DEBUG is on; never on a production site.")
        with transaction.atomic():
            users = {}
            for username, password, group in ACCOUNTS:
                user, created = get_user_model().objects.get_or_create(username=username)
                if created:
                    user.set_password(password)
                    user.save()
                user.groups.add(Group.objects.get(name=group))
                users[group] = user
            teacher, learner = users[TEACHER], users[LEARNER]
            classroom = Classroom.objects.filter(teacher=teacher, name=CLASS_NAME).first()
            if classroom is None:
                classroom = classes.classroom_create(teacher=teacher, name=CLASS_NAME)
            classes.classroom_join(learner=learner, code=classroom.join_code)
            for article in Article.objects.published().order_by("pk")[:2]:
                classes.assignment_create(classroom=classroom, article=article, teacher=teacher)
        self.stdout.write("Demo accounts (DEBUG only):")
        for username, password, group in ACCOUNTS:
            self.stdout.write(f"  {group:8} {username} / {password}")
        self.stdout.write(f"  class    {CLASS_NAME}, join code {classroom.join_code}")
