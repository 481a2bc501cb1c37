"""Learner sign-up. Sign-in, sign-out and passwords are Django's own views at /accounts/."""

from django import forms
from django.contrib.auth import login
from django.contrib.auth.forms import UserCreationForm
from django.contrib.auth.password_validation import password_validators_help_texts
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from reader.accounts import learner_signup
from reader.classes import join_code_normalize
from reader.models import Classroom


class SignupForm(UserCreationForm):
    email = forms.EmailField(label=_("Email"), help_text=_("For resetting your password if you forget it."))
    join_code = forms.CharField(
        required=False,
        max_length=20,
        label=_("Class join code"),
        help_text=_("Optional: the code your teacher gave you."),
    )

    class Meta(UserCreationForm.Meta):
        fields = ("username", "email")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Django's help for the password is an HTML list; plain sentences are
        # escaped like every other help text, so the template marks nothing safe.
        self.fields["password1"].help_text = " ".join(password_validators_help_texts())

    def clean_join_code(self) -> str:
        code = join_code_normalize(self.cleaned_data["join_code"])
        if code and not Classroom.objects.filter(join_code=code).exists():
            raise ValidationError(_("No class has this join code. Check it with your teacher, or leave it empty."))
        return code


@require_http_methods(["GET", "POST"])
def signup(request):
    if request.user.is_authenticated:
        return redirect("reader:dashboard")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = learner_signup(
                username=form.cleaned_data["username"],
                email=form.cleaned_data["email"],
                password=form.cleaned_data["password1"],
                join_code=form.cleaned_data["join_code"],
            )
        except ValidationError as error:  # the class vanished between the form check and now
            form.add_error("join_code", error)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            return redirect("reader:dashboard")
    return render(request, "registration/signup.html", {"form": form})
