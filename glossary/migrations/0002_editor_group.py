"""The "editor" group: staff who may change the glossary but nothing else."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR = "editor"
PERMISSIONS = [
    f"{action}_{model}"
    for model in ("term", "segmentationrule")
    for action in ("add", "change", "delete", "view")
] + ["view_lexiconchange"]


def create_editor_group(apps, schema_editor):
    # Permissions are normally created after all migrations; make them now. The
    # historical app config has no models_module, which create_permissions checks.
    app_config = apps.get_app_config("glossary")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITOR)
    group.permissions.add(*Permission.objects.filter(content_type__app_label="glossary", codename__in=PERMISSIONS))


def remove_editor_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=EDITOR).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("glossary", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_editor_group, remove_editor_group)]
