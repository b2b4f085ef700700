"""The example province's own check kind."""

PARAMS_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["names"],
    "properties": {"names": {"type": "array", "items": {"type": "string"}, "minItems": 1}},
}


def run_title_names_region(rule, report):
    """A report of an organ of the province names the province or one of its cities
    first in its title, so that readers can tell which 某某区 it is."""
    if report.title is None:
        return
    names = tuple(rule.params["names"])
    if not report.title.text.strip().startswith(names):
        yield rule.finding({"title": report.title.text, "names": "、".join(names)}, report.title.location,
                           key="title", found=report.title.text)
