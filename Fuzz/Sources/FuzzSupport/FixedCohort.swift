import SurvivalKit

/// The small fixed cohort the formula and subset targets evaluate on: lung's
/// column names (so the seed formulas find their columns) with missing values,
/// a 1/2 `status` and a 0/1 `event`, text factors (`rx`, `grp`), a
/// logical-like text column (`flag`), a date column (`diagnosis_date`),
/// counting-process `start`/`stop`, weights `w`, a count outcome `count` and
/// person-time `pt`, so that most evaluator paths have something to work on.
public enum FuzzCohort {
    public static let csv = """
        id,inst,time,status,event,age,sex,ph.ecog,ph.karno,wt.loss,meal.cal,rx,grp,flag,diagnosis_date,start,stop,w,count,pt
        1,7,953,2,1,47,1,2,60,16,2259,Lev,c,TRUE,2010-09-20,0,953,1,5,8.20
        2,3,100,2,1,49,1,0,60,NA,2273,Lev+5FU,a,FALSE,2003-05-07,0,100,0.5,5,16.07
        2,3,184,2,1,64,2,1,60,7,221,Lev,a,FALSE,2015-03-01,100,184,0.5,3,14.99
        4,1,234,1,0,76,1,0,80,-5,542,Obs,c,TRUE,2016-02-19,0,234,1.5,4,18.50
        5,12,865,1,0,51,1,2,100,4,906,Lev+5FU,c,NA,2001-05-18,0,865,0.5,5,6.10
        6,12,75,1,0,54,1,2,100,-3,1698,Lev+5FU,c,TRUE,NA,0,75,2,3,4.99
        7,12,412,1,0,77,2,0,90,2,1074,Obs,b,FALSE,2010-02-10,0,412,2,0,10.83
        8,12,117,1,0,74,2,1,80,40,1216,Lev+5FU,NA,TRUE,2013-11-08,0,117,1,6,8.62
        9,3,768,2,1,NA,2,0,80,-4,406,Obs,b,TRUE,2003-10-05,0,768,1,0,2.16
        10,7,432,2,1,78,1,NA,80,4,2169,Lev+5FU,b,TRUE,2002-12-18,0,432,2,5,3.24
        11,3,865,2,1,74,2,2,70,37,NA,Lev+5FU,c,FALSE,2011-02-02,0,865,2,4,3.44
        12,3,177,1,0,39,1,0,90,24,2490,NA,b,TRUE,2005-09-16,0,177,2,4,2.27
        13,7,63,2,1,72,1,2,100,29,1430,Obs,c,TRUE,2004-02-04,0,63,1.5,3,2.15
        14,7,113,1,0,54,2,0,80,31,2231,Obs,a,TRUE,2019-01-22,0,113,1.5,3,12.18

        """

    /// The cohort, read once (a harness bug, not a finding, if it does not read).
    public static let cohort: Cohort = {
        do {
            return try CSVReader().read(string: csv, fileName: "fuzz.csv")
        } catch {
            fatalError("the fixed fuzz cohort does not read: \(error)")
        }
    }()
}

/// Runs `body`, treating any thrown error as a normal outcome (only crashes,
/// sanitizer reports, timeouts and running out of memory are findings).
@inline(__always)
public func ignoringErrors(_ body: () throws -> Void) {
    do { try body() } catch {}
}
