using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace PolicyLens.Learning.Training;

/// <summary>A passage as the trainer sees it: sorted feature indices with their values.</summary>
internal readonly record struct SparseRow(int[] Indices, float[] Values);

/// <summary>L2/L1-regularised logistic regression by ML.NET's L-BFGS trainer, single-threaded so a model is reproducible.</summary>
internal static class LogisticFit
{
    private sealed class Row
    {
        public bool Label { get; set; }
        public float Weight { get; set; }
        public VBuffer<float> Features { get; set; }
    }

    public static (float[] Weights, float Bias) Fit(IReadOnlyList<SparseRow> rows, IReadOnlyList<bool> labels, int featureCount,
        float l2, float l1, float positiveWeight, float tolerance = 1e-5f)
    {
        if (rows.Count != labels.Count) throw new ArgumentException("One label per row.", nameof(labels));
        if (featureCount == 0 || !labels.Contains(true) || !labels.Contains(false))
            return (new float[featureCount], labels.Contains(true) ? 5f : -5f);
        var context = new MLContext(seed: 1);
        var data = new List<Row>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
            data.Add(new Row
            {
                Label = labels[i],
                Weight = labels[i] ? positiveWeight : 1f,
                Features = new VBuffer<float>(featureCount, rows[i].Indices.Length, rows[i].Values, rows[i].Indices),
            });
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        var view = context.Data.LoadFromEnumerable(data, schema);
        var trainer = context.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = nameof(Row.Label),
            FeatureColumnName = nameof(Row.Features),
            ExampleWeightColumnName = nameof(Row.Weight),
            L2Regularization = l2,
            L1Regularization = l1,
            NumberOfThreads = 1,
            OptimizationTolerance = tolerance,
            MaximumNumberOfIterations = 200,
            ShowTrainingStatistics = false,
        });
        var model = trainer.Fit(view);
        var linear = model.Model.SubModel;
        var weights = new float[featureCount];
        var i2 = 0;
        foreach (var w in linear.Weights)
        {
            if (i2 >= featureCount) break;
            weights[i2++] = w;
        }
        return (weights, linear.Bias);
    }
}
