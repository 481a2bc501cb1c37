"""Editors may also keep the global reading rules."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PERMISSIONS = [f"{action}_readingrule" for action in ("add", "change", "delete", "view")]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("glossary")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="editor")
    group.permissions.add(*Permission.objects.filter(content_type__app_label="glossary", codename__in=PERMISSIONS))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name="editor"):
        group.permissions.remove(*Permission.objects.filter(codename__in=PERMISSIONS))


class Migration(migrations.Migration):
    dependencies = [("glossary", "0004_readingrule"), ("glossary", "0002_editor_group")]

    operations = [migrations.RunPython(grant, revoke)]
