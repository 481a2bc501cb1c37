from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.views.decorators.http import require_POST

from reader.preferences import FIELDS, preference_save


@require_POST
@login_required
def preferences_save(request):
    """Remember a signed-in reader's reading options (sent by the settings panel)."""
    try:
        preference = preference_save(user=request.user, values=request.POST)
    except ValidationError as error:
        return JsonResponse({"error": " ".join(error.messages)}, status=400)
    return JsonResponse({key: getattr(preference, field) for key, field in FIELDS.items()})
