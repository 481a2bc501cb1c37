"""Admins look at classes, progress and saved words here; changes go through the site (and its services)."""

from django.contrib import admin

from reader.models import Assignment, Classroom, Membership, PassageRead, SavedWord


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class MembershipInline(admin.TabularInline):
    model = Membership
    fields = readonly_fields = ["learner", "joined_at"]
    extra = 0
    can_delete = False


class AssignmentInline(admin.TabularInline):
    model = Assignment
    fields = readonly_fields = ["article", "due_date", "created_at"]
    extra = 0
    can_delete = False


@admin.register(Classroom)
class ClassroomAdmin(ReadOnly):
    list_display = ["name", "teacher", "join_code", "created_at"]
    search_fields = ["name", "teacher__username", "join_code"]
    inlines = [MembershipInline, AssignmentInline]


@admin.register(PassageRead)
class PassageReadAdmin(ReadOnly):
    list_display = ["learner", "passage", "read_at"]
    search_fields = ["learner__username"]
    list_select_related = ["learner", "passage"]
    date_hierarchy = "read_at"


@admin.register(SavedWord)
class SavedWordAdmin(ReadOnly):
    list_display = ["simplified", "pinyin", "learner", "created_at"]
    search_fields = ["simplified", "learner__username"]
