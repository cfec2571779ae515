// A module that re-exports the complete SurvivalKit public API.
@_exported import CohortData
@_exported import CohortDatabase
@_exported import SurvivalModels
@_exported import SurvivalNumerics
@_exported import SurvivalReports
