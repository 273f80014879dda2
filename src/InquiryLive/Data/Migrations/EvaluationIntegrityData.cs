namespace InquiryLive.Data.Migrations;

/// <summary>
/// The data move of the EvaluationIntegrity migration (both providers): decimal thresholds become
/// exact fractions, each vote's subject and tally move to its one item, ballots point at that item.
/// Sessions that have not voted yet get 过半数 (strict) for a 0.5 quorum, as the law words it; votes
/// already counted keep the rule they were judged by (at least half), so no past verdict changes meaning.
/// </summary>
internal static class EvaluationIntegrityData
{
    public static IEnumerable<string> Statements(bool postgres)
    {
        string T(bool v) => postgres ? (v ? "TRUE" : "FALSE") : (v ? "1" : "0");
        var greatest = postgres ? "GREATEST" : "MAX";
        // The presets a committee could have typed as a decimal; anything else is kept to the hundredth.
        string Numerator(string c) => $"CASE WHEN abs({c} - 0.5) < 0.0001 THEN 1 WHEN abs({c} - 0.6) < 0.0001 THEN 3 WHEN abs({c} - 2.0/3) < 0.001 THEN 2 " +
            $"WHEN abs({c} - 0.7) < 0.0001 THEN 7 WHEN abs({c} - 0.8) < 0.0001 THEN 4 WHEN abs({c} - 0.9) < 0.0001 THEN 9 WHEN abs({c} - 1) < 0.0001 THEN 1 " +
            $"ELSE CAST(round({c} * 100) AS INTEGER) END";
        string Denominator(string c) => $"CASE WHEN abs({c} - 0.5) < 0.0001 THEN 2 WHEN abs({c} - 0.6) < 0.0001 THEN 5 WHEN abs({c} - 2.0/3) < 0.001 THEN 3 " +
            $"WHEN abs({c} - 0.7) < 0.0001 THEN 10 WHEN abs({c} - 0.8) < 0.0001 THEN 5 WHEN abs({c} - 0.9) < 0.0001 THEN 10 WHEN abs({c} - 1) < 0.0001 THEN 1 " +
            "ELSE 100 END";
        string Rule(bool strictHalfQuorum) =>
            $"\"RuleSet\" = CASE WHEN \"RuleSet\" = 'allMembers' THEN 'majority' ELSE 'rate' END, " +
            $"\"BarBase\" = CASE WHEN \"RuleSet\" = 'allMembers' THEN 0 ELSE 2 END, " +
            $"\"BarNumerator\" = CASE WHEN \"RuleSet\" = 'allMembers' THEN 1 ELSE {Numerator("\"RateThreshold\"")} END, " +
            $"\"BarDenominator\" = CASE WHEN \"RuleSet\" = 'allMembers' THEN 2 ELSE {Denominator("\"RateThreshold\"")} END, " +
            $"\"BarStrict\" = CASE WHEN \"RuleSet\" = 'allMembers' THEN {T(true)} ELSE {T(false)} END, " +
            $"\"TurnoutNumerator\" = {Numerator("\"QuorumShare\"")}, \"TurnoutDenominator\" = {Denominator("\"QuorumShare\"")}, " +
            $"\"TurnoutStrict\" = " + (strictHalfQuorum ? $"CASE WHEN abs(\"QuorumShare\" - 0.5) < 0.0001 THEN {T(true)} ELSE {T(false)} END" : T(false)) + ", " +
            "\"TurnoutBase\" = 0";

        yield return $"UPDATE \"Sessions\" SET {Rule(strictHalfQuorum: true)}, \"AllowBlankItems\" = {T(true)}, " +
            "\"WentLiveAt\" = CASE WHEN \"State\" IN (2, 3, 4) THEN \"CreatedAt\" ELSE NULL END";
        yield return $"UPDATE \"Polls\" SET {Rule(strictHalfQuorum: false)}, \"Kind\" = 0, \"AllowBlank\" = {T(false)}, \"Present\" = \"Voted\", \"OnLeave\" = 0";
        yield return "INSERT INTO \"PollItems\" (\"PollId\", \"Order\", \"Title\", \"DepartmentId\", \"FloorItemId\", \"AgendaItemId\", " +
            "\"Satisfied\", \"BasicallySatisfied\", \"Dissatisfied\", \"Blank\", \"Verdict\") " +
            "SELECT \"Id\", 1, \"Title\", \"DepartmentId\", \"FloorItemId\", \"AgendaItemId\", \"Satisfied\", \"BasicallySatisfied\", \"Dissatisfied\", " +
            $"{greatest}(\"Voted\" - \"Satisfied\" - \"BasicallySatisfied\" - \"Dissatisfied\", 0), \"Verdict\" FROM \"Polls\"";
        yield return "UPDATE \"BallotChoices\" SET \"ItemId\" = (SELECT i.\"Id\" FROM \"PollItems\" i WHERE i.\"PollId\" = \"BallotChoices\".\"PollId\")";
    }
}
