using System.Text.Json.Nodes;

namespace Monitoring.Tests.Support;

/// <summary>A small valid household record (JSON) for tests to change one field at a time.</summary>
internal static class SampleHousehold
{
    public static JsonObject Create(string id = "610728-0001") => JsonNode.Parse($$"""
        {
          "id": "{{id}}",
          "region": { "province": "陕西省", "county": "镇巴县", "countyCode": "610728", "town": "泾洋街道", "village": "东风村", "villageCode": "610728001001" },
          "category": "lifted",
          "monitoringType": null,
          "members": [
            { "id": "m1", "idNumber": "610728198001011233", "name": "张三", "relation": "head", "sex": "M", "birthDate": "1980-01-01",
              "health": "healthy", "laborCapacity": "full", "employment": { "status": "employed", "monthsThisYear": 10, "place": "in_county" },
              "schooling": "not_applicable", "medicalInsurance": true, "assistance": [] },
            { "id": "m2", "name": "张小", "relation": "child", "sex": "F", "birthDate": "2010-03-01", "laborCapacity": "none",
              "schooling": "enrolled", "medicalInsurance": true }
          ],
          "incomes": [
            { "year": 2021, "from": "2020-10-01", "to": "2021-09-30", "wage": 18002, "production": 0, "property": 0, "transfer": 0, "productionCost": 0, "size": 3 }
          ],
          "expenses": [],
          "housing": { "safety": "A", "onlyHouse": true },
          "water": { "meetsQualityStandard": true, "litresPerPersonDay": 40, "pipedToHome": true, "fetchRoundTripMinutes": 0, "supplyGuaranteeRate": 0.96 },
          "events": [],
          "helper": { "name": "李四", "assignedOn": "2021-01-05" },
          "visits": ["2021-07-10", "2021-10-10"],
          "case": null
        }
        """)!.AsObject();

    public static string Line(JsonObject household) => household.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
