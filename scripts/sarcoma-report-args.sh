# The `survkit report` arguments of the main job on the bundled sarcoma cohort,
# sourced by scripts/main-job.sh and scripts/snapshot-outputs.sh (one list).
sarcoma_report_args=(report datasets/sarcoma_patients.csv --time os_years --status os_status --group grade
  --covariates "age,sex,factor(grade),size_cm,depth,margin,site"
  --time-unit years --times 1,2,5,10
  --event-time lr_first_years --event-status lr_status
  --recurrences datasets/sarcoma_recurrences.csv --recurrence-id id
  --rate-events lr_count --rate-person-time os_years --recurrence-group margin
  --fine-gray-covariates "margin,factor(grade),size_cm,depth,radiotherapy" --rmst-group margin
  --title "Overall survival and local recurrence, synthetic sarcoma cohort")
