# opora report: строки таблицы.

report-title = Отчёт о переводе в цифровые каналы, разбивка: { $by }
report-by-all = все сессии
report-empty = За этот период нет завершённых сессий с согласием.
report-small = (малая группа: меньше 5 клиентов)
report-group = { $group }: клиентов с попыткой { $clients }, сессий { $sessions } { $small }
report-conversion = {"  "}Конверсия (сделал сам): { $value }
report-confirmed = {"  "}Подтверждённая конверсия (повторный контакт): { $value }
report-fcr = {"  "}Решено за одно обращение (FCR): { $value }
report-returning = {"  "}Вернувшиеся клиенты: { $value }
report-csat = {"  "}CSAT (4–5 из 5): { $value }
report-ces = {"  "}CES (среднее по 1–7): { $value } (ответов: { $answers })
report-nps = {"  "}NPS: { $value } (ответов: { $answers })
report-voice = {"  "}Шаги голосом: { $value }
report-recognition = {"  "}Распознавание голоса принято: { $value }
report-lesson = Урок { $lesson } ({ $group }): завершён { $value } { $small }
report-drop-off = {"  "}Шаг наибольших потерь: { $step }
report-step = {"  "}Шаг { $step }: дошли { $reached } ({ $funnel } %), потеряно { $loss }; время медиана { $median } с, p90 { $p90 } с; ошибок { $errors }, помощи { $help }
report-variants = Варианты A/B (конверсия):
report-variant = {"  "}{ $variant }: { $value } { $small }
report-variant-difference = {"    "}разница с { $versus }: { $value } п. п. [{ $low }–{ $high }]
report-refusals = Отказов от согласия: { $count }.
report-bad-date = «{ $date }» — не дата. Напишите в виде ГГГГ-ММ-ДД, например 2026-11-25.
