-- The official holiday schedules 2019–2026 (国务院办公厅关于部分节假日安排的通知), from lib/calendar/official-schedules.ts.
-- Administrators add later years in the app; this only seeds what was published when gongkai began.
INSERT INTO calendar_years (year, source) VALUES (2019, '国务院办公厅关于2019年部分节假日安排的通知（国办发明电〔2018〕15号）');
--> statement-breakpoint
INSERT INTO calendar_years (year, source) VALUES (2020, '国务院办公厅关于2020年部分节假日安排的通知（国办发明电〔2019〕16号）');
--> statement-breakpoint
INSERT INTO calendar_years (year, source) VALUES (2021, '国务院办公厅关于2021年部分节假日安排的通知（国办发明电〔2020〕27号）');
--> statement-breakpoint
INSERT INTO calendar_years (year, source) VALUES (2022, '国务院办公厅关于2022年部分节假日安排的通知（国办发明电〔2021〕11号）');
--> statement-breakpoint
INSERT INTO calendar_years (year, source) VALUES (2023, '国务院办公厅关于2023年部分节假日安排的通知（国办发明电〔2022〕16号）');
--> statement-breakpoint
INSERT INTO calendar_years (year, source) VALUES (2024, '国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号）');
--> statement-breakpoint
INSERT INTO calendar_years (year, source) VALUES (2025, '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）');
--> statement-breakpoint
INSERT INTO calendar_years (year, source) VALUES (2026, '国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2018-12-30', 'holiday', '元旦');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2018-12-31', 'holiday', '元旦');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2019-01-01', 'holiday', '元旦');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2019-02-04', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2019-02-05', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2019-02-06', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2019-02-07', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2019-02-08', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2019-02-09', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2019-02-10', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2019-04-05', 'holiday', '清明节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2019-05-01', 'holiday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2019-05-02', 'holiday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2019-05-03', 'holiday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2019-05-04', 'holiday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2019-06-07', 'holiday', '端午节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2019-09-13', 'holiday', '中秋节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2019-10-01', 'holiday', '国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2019-10-02', 'holiday', '国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2019-10-03', 'holiday', '国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2019-10-04', 'holiday', '国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2019-10-05', 'holiday', '国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2019-10-06', 'holiday', '国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2019-10-07', 'holiday', '国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2020-01-01', 'holiday', '元旦');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2020-01-24', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2020-01-25', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2020-01-26', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2020-01-27', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2020-01-28', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2020-01-29', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2020-01-30', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2020-01-31', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2020-02-01', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2020-02-02', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2020-04-04', 'holiday', '清明节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2020-04-05', 'holiday', '清明节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2020-04-06', 'holiday', '清明节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2020-05-01', 'holiday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2020-05-02', 'holiday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2020-05-03', 'holiday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2020-05-04', 'holiday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2020-05-05', 'holiday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2020-06-25', 'holiday', '端午节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2020-06-26', 'holiday', '端午节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2020-06-27', 'holiday', '端午节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2020-10-01', 'holiday', '国庆节、中秋节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2020-10-02', 'holiday', '国庆节、中秋节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2020-10-03', 'holiday', '国庆节、中秋节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2020-10-04', 'holiday', '国庆节、中秋节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2020-10-05', 'holiday', '国庆节、中秋节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2020-10-06', 'holiday', '国庆节、中秋节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2020-10-07', 'holiday', '国庆节、中秋节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2020-10-08', 'holiday', '国庆节、中秋节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2021-01-01', 'holiday', '元旦');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2021-01-02', 'holiday', '元旦');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2021-01-03', 'holiday', '元旦');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2021-02-11', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2021-02-12', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2021-02-13', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2021-02-14', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2021-02-15', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2021-02-16', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2021-02-17', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2021-04-03', 'holiday', '清明节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2021-04-04', 'holiday', '清明节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2021-04-05', 'holiday', '清明节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2021-05-01', 'holiday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2021-05-02', 'holiday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2021-05-03', 'holiday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2021-05-04', 'holiday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2021-05-05', 'holiday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2021-06-12', 'holiday', '端午节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2021-06-13', 'holiday', '端午节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2021-06-14', 'holiday', '端午节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2021-09-19', 'holiday', '中秋节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2021-09-20', 'holiday', '中秋节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2021-09-21', 'holiday', '中秋节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2021-10-01', 'holiday', '国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2021-10-02', 'holiday', '国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2021-10-03', 'holiday', '国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2021-10-04', 'holiday', '国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2021-10-05', 'holiday', '国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2021-10-06', 'holiday', '国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2021-10-07', 'holiday', '国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2022-01-01', 'holiday', '元旦');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2022-01-02', 'holiday', '元旦');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2022-01-03', 'holiday', '元旦');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2022-01-31', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2022-02-01', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2022-02-02', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2022-02-03', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2022-02-04', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2022-02-05', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2022-02-06', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2022-04-03', 'holiday', '清明节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2022-04-04', 'holiday', '清明节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2022-04-05', 'holiday', '清明节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2022-04-30', 'holiday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2022-05-01', 'holiday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2022-05-02', 'holiday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2022-05-03', 'holiday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2022-05-04', 'holiday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2022-06-03', 'holiday', '端午节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2022-06-04', 'holiday', '端午节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2022-06-05', 'holiday', '端午节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2022-09-10', 'holiday', '中秋节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2022-09-11', 'holiday', '中秋节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2022-09-12', 'holiday', '中秋节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2022-10-01', 'holiday', '国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2022-10-02', 'holiday', '国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2022-10-03', 'holiday', '国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2022-10-04', 'holiday', '国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2022-10-05', 'holiday', '国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2022-10-06', 'holiday', '国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2022-10-07', 'holiday', '国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2022-12-31', 'holiday', '元旦');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2023-01-01', 'holiday', '元旦');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2023-01-02', 'holiday', '元旦');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2023-01-21', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2023-01-22', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2023-01-23', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2023-01-24', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2023-01-25', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2023-01-26', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2023-01-27', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2023-04-05', 'holiday', '清明节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2023-04-29', 'holiday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2023-04-30', 'holiday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2023-05-01', 'holiday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2023-05-02', 'holiday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2023-05-03', 'holiday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2023-06-22', 'holiday', '端午节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2023-06-23', 'holiday', '端午节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2023-06-24', 'holiday', '端午节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2023-09-29', 'holiday', '中秋节、国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2023-09-30', 'holiday', '中秋节、国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2023-10-01', 'holiday', '中秋节、国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2023-10-02', 'holiday', '中秋节、国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2023-10-03', 'holiday', '中秋节、国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2023-10-04', 'holiday', '中秋节、国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2023-10-05', 'holiday', '中秋节、国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2023-10-06', 'holiday', '中秋节、国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2024-01-01', 'holiday', '元旦');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2024-02-10', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2024-02-11', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2024-02-12', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2024-02-13', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2024-02-14', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2024-02-15', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2024-02-16', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2024-02-17', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2024-04-04', 'holiday', '清明节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2024-04-05', 'holiday', '清明节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2024-04-06', 'holiday', '清明节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2024-05-01', 'holiday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2024-05-02', 'holiday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2024-05-03', 'holiday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2024-05-04', 'holiday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2024-05-05', 'holiday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2024-06-10', 'holiday', '端午节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2024-09-15', 'holiday', '中秋节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2024-09-16', 'holiday', '中秋节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2024-09-17', 'holiday', '中秋节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2024-10-01', 'holiday', '国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2024-10-02', 'holiday', '国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2024-10-03', 'holiday', '国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2024-10-04', 'holiday', '国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2024-10-05', 'holiday', '国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2024-10-06', 'holiday', '国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2024-10-07', 'holiday', '国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2025-01-01', 'holiday', '元旦');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2025-01-28', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2025-01-29', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2025-01-30', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2025-01-31', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2025-02-01', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2025-02-02', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2025-02-03', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2025-02-04', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2025-04-04', 'holiday', '清明节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2025-04-05', 'holiday', '清明节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2025-04-06', 'holiday', '清明节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2025-05-01', 'holiday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2025-05-02', 'holiday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2025-05-03', 'holiday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2025-05-04', 'holiday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2025-05-05', 'holiday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2025-05-31', 'holiday', '端午节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2025-06-01', 'holiday', '端午节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2025-06-02', 'holiday', '端午节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2025-10-01', 'holiday', '国庆节、中秋节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2025-10-02', 'holiday', '国庆节、中秋节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2025-10-03', 'holiday', '国庆节、中秋节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2025-10-04', 'holiday', '国庆节、中秋节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2025-10-05', 'holiday', '国庆节、中秋节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2025-10-06', 'holiday', '国庆节、中秋节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2025-10-07', 'holiday', '国庆节、中秋节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2025-10-08', 'holiday', '国庆节、中秋节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2026-01-01', 'holiday', '元旦');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2026-01-02', 'holiday', '元旦');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2026-01-03', 'holiday', '元旦');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2026-02-15', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2026-02-16', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2026-02-17', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2026-02-18', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2026-02-19', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2026-02-20', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2026-02-21', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2026-02-22', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2026-02-23', 'holiday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2026-04-04', 'holiday', '清明节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2026-04-05', 'holiday', '清明节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2026-04-06', 'holiday', '清明节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2026-05-01', 'holiday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2026-05-02', 'holiday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2026-05-03', 'holiday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2026-05-04', 'holiday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2026-05-05', 'holiday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2026-06-19', 'holiday', '端午节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2026-06-20', 'holiday', '端午节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2026-06-21', 'holiday', '端午节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2026-09-25', 'holiday', '中秋节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2026-09-26', 'holiday', '中秋节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2026-09-27', 'holiday', '中秋节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2026-10-01', 'holiday', '国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2026-10-02', 'holiday', '国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2026-10-03', 'holiday', '国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2026-10-04', 'holiday', '国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2026-10-05', 'holiday', '国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2026-10-06', 'holiday', '国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2026-10-07', 'holiday', '国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2018-12-29', 'make_up_workday', '元旦');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2019-02-02', 'make_up_workday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2019-02-03', 'make_up_workday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2019-04-28', 'make_up_workday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2019-05-05', 'make_up_workday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2019-09-29', 'make_up_workday', '国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2019-10-12', 'make_up_workday', '国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2020-01-19', 'make_up_workday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2020-04-26', 'make_up_workday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2020-05-09', 'make_up_workday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2020-06-28', 'make_up_workday', '端午节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2020-09-27', 'make_up_workday', '国庆节、中秋节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2020-10-10', 'make_up_workday', '国庆节、中秋节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2021-02-07', 'make_up_workday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2021-02-20', 'make_up_workday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2021-04-25', 'make_up_workday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2021-05-08', 'make_up_workday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2021-09-18', 'make_up_workday', '中秋节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2021-09-26', 'make_up_workday', '国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2021-10-09', 'make_up_workday', '国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2022-01-29', 'make_up_workday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2022-01-30', 'make_up_workday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2022-04-02', 'make_up_workday', '清明节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2022-04-24', 'make_up_workday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2022-05-07', 'make_up_workday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2022-10-08', 'make_up_workday', '国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2022-10-09', 'make_up_workday', '国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2023-01-28', 'make_up_workday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2023-01-29', 'make_up_workday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2023-04-23', 'make_up_workday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2023-05-06', 'make_up_workday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2023-06-25', 'make_up_workday', '端午节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2023-10-07', 'make_up_workday', '中秋节、国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2023-10-08', 'make_up_workday', '中秋节、国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2024-02-04', 'make_up_workday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2024-02-18', 'make_up_workday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2024-04-07', 'make_up_workday', '清明节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2024-04-28', 'make_up_workday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2024-05-11', 'make_up_workday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2024-09-14', 'make_up_workday', '中秋节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2024-09-29', 'make_up_workday', '国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2024-10-12', 'make_up_workday', '国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2025-01-26', 'make_up_workday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2025-02-08', 'make_up_workday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2025-04-27', 'make_up_workday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2025-09-28', 'make_up_workday', '国庆节、中秋节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2025-10-11', 'make_up_workday', '国庆节、中秋节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2026-01-04', 'make_up_workday', '元旦');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2026-02-14', 'make_up_workday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2026-02-28', 'make_up_workday', '春节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2026-05-09', 'make_up_workday', '劳动节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2026-09-20', 'make_up_workday', '国庆节');
--> statement-breakpoint
INSERT INTO calendar_days (date, kind, name) VALUES ('2026-10-10', 'make_up_workday', '国庆节');
