"""The "learner" and "teacher" groups. Teachers may bring in and edit articles."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

LEARNER = "learner"
TEACHER = "teacher"
TEACHER_PERMISSIONS = ["add_article", "change_article", "delete_article", "view_article"]


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations; make corpus's now. The
    # historical app config has no models_module, which create_permissions checks.
    app_config = apps.get_app_config("corpus")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Group.objects.get_or_create(name=LEARNER)
    teacher, _ = Group.objects.get_or_create(name=TEACHER)
    teacher.permissions.add(
        *Permission.objects.filter(content_type__app_label="corpus", codename__in=TEACHER_PERMISSIONS)
    )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[LEARNER, TEACHER]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("reader", "0002_classes_progress_words"),
        ("corpus", "0006_article_visibility_classes"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
