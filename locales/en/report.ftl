# opora report: the table's lines.

report-title = Assisted-digital report, by { $by }
report-by-all = all sessions
report-empty = No ended sessions with consent in this period.
report-small = (small group: fewer than 5 clients)
report-group = { $group }: { $clients } clients with an attempt, { $sessions } sessions { $small }
report-conversion = {"  "}Conversion (did it alone): { $value }
report-confirmed = {"  "}Confirmed conversion (follow-up): { $value }
report-fcr = {"  "}Solved in this contact (FCR): { $value }
report-returning = {"  "}Returning clients: { $value }
report-csat = {"  "}CSAT (4–5 of 5): { $value }
report-ces = {"  "}CES (mean of 1–7): { $value } ({ $answers } answers)
report-nps = {"  "}NPS: { $value } ({ $answers } answers)
report-voice = {"  "}Steps by voice: { $value }
report-recognition = {"  "}Voice recognition accepted: { $value }
report-lesson = Lesson { $lesson } ({ $group }): completed { $value } { $small }
report-drop-off = {"  "}Drop-off step: { $step }
report-step = {"  "}Step { $step }: reached { $reached } ({ $funnel } %), lost { $loss }; time median { $median } s, p90 { $p90 } s; errors { $errors }, help { $help }
report-variants = A/B variants (conversion):
report-variant = {"  "}{ $variant }: { $value } { $small }
report-variant-difference = {"    "}difference from { $versus }: { $value } points [{ $low }–{ $high }]
report-refusals = Consent refused: { $count } times.
report-bad-date = "{ $date }" is not a date. Write it as YYYY-MM-DD, e.g. 2026-11-25.
