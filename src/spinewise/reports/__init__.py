"""Reports built from the core's results: charts, the clinician PDF, FHIR and CSV/JSON exports.

Framework-free like ``core`` (no Django): the web app and the CLI call these and only
decide where the bytes go.

- ``charts``: ``pain_chart``, ``adherence_chart``, ``psfs_chart`` (SVG), ``terminal_chart``.
- ``pdf``: ``clinician_report`` -> PDF bytes.
- ``fhir``: ``fhir_bundle`` -> FHIR R4 Bundle dict; ``validate_bundle_structure``.
- ``tabular``: ``checkins_csv``, ``checkins_json``, ``parse_checkins_json``.
"""
