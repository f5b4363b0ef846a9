"""Find a physician: the directory's filter form."""

from django import forms
from django.db.models import Q

from procedures.models import Procedure

from .forms import CenterChoiceField
from .models import Center, Language, Physician


class PhysicianFilterForm(forms.Form):
    """Search by name; filter by procedure, center, language and whether they accept new patients."""

    q = forms.CharField(label="Physician’s name", required=False, max_length=80)
    procedure = forms.ModelChoiceField(
        queryset=Procedure.objects.published(), to_field_name="slug", required=False, empty_label="Any procedure"
    )
    center = CenterChoiceField(
        queryset=Center.objects.active(), to_field_name="slug", required=False, empty_label="Any center"
    )
    language = forms.ModelChoiceField(
        queryset=Language.objects.all(), to_field_name="name", required=False, empty_label="Any language"
    )
    accepting = forms.BooleanField(label="Accepting new patients only", required=False)

    def physicians(self):
        physicians = Physician.objects.active()
        if not self.is_valid():
            return physicians.none()
        data = self.cleaned_data
        for word in data["q"].split()[:5]:
            word = word.strip(".,")
            if word.lower() in ("dr", "md", "do"):
                continue
            physicians = physicians.filter(Q(first_name__icontains=word) | Q(last_name__icontains=word))
        if data["procedure"]:
            physicians = physicians.filter(procedures=data["procedure"])
        if data["language"]:
            physicians = physicians.filter(languages=data["language"])
        if data["center"] and data["accepting"]:
            physicians = physicians.filter(practices__center=data["center"], practices__accepting_new_patients=True)
        elif data["center"]:
            physicians = physicians.filter(practices__center=data["center"])
        elif data["accepting"]:
            physicians = physicians.filter(practices__accepting_new_patients=True, practices__center__is_active=True)
        return physicians.distinct().for_listing()
