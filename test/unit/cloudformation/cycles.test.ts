import { describe, expect, it } from 'vitest';
import { dependencyCycles } from '../../../src/frontends/cloudformation/cycles.js';
import { lower } from './helpers.js';

const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges));

describe('dependencyCycles', () => {
  it('finds each group that depends on itself, sorted, and nothing in a DAG', () => {
    expect(dependencyCycles(graph({ A: ['B'], B: ['C'], C: [] }))).toEqual([]);
    expect(dependencyCycles(graph({ D: ['E'], E: ['D', 'F'], F: ['G'], G: ['F'], H: ['H'], I: ['D'], P: ['Param'] }))).toEqual([['D', 'E'], ['F', 'G'], ['H']]);
    expect(dependencyCycles(graph({ C: ['A'], B: ['C'], A: ['B'] }))).toEqual([['A', 'B', 'C']]);
  });

  it('walks a chain of 100,000 resources without recursion', () => {
    const edges = new Map<string, string[]>();
    for (let i = 0; i < 100_000; i++) edges.set(`R${i}`, [`R${i + 1}`]);
    edges.set('R100000', ['R0']);
    const cycles = dependencyCycles(edges);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toHaveLength(100_001);
  });
});

describe('cfn/circular-dependency', () => {
  it('reports a cycle through Ref, GetAtt, Sub and DependsOn at its first resource, and a self-reference', () => {
    const template = [
      'Resources:', //                                        1
      '  Topic:', //                                          2
      '    Type: AWS::SNS::Topic', //                         3
      '    Properties:', //                                   4
      '      TopicName: !Sub "${Queue.Arn}-topic"', //        5
      '  Queue:', //                                          6
      '    Type: AWS::SQS::Queue', //                         7
      '    DependsOn: Bucket', //                             8
      '  Bucket:', //                                         9
      '    Type: AWS::S3::Bucket', //                         10
      '    Properties:', //                                   11
      '      BucketName: !Ref Topic', //                      12
      '  Selfish:', //                                        13
      '    Type: AWS::SNS::Topic', //                         14
      '    Properties:', //                                   15
      '      TopicName: !GetAtt Selfish.TopicName', //        16
      '  Fine:', //                                           17
      '    Type: AWS::SNS::Topic', //                         18
      '    Properties:', //                                   19
      '      TopicName: !Ref Topic', //                       20
    ].join('\n');
    const f = lower({ 't.yaml': `${template}\n` });
    expect(f.sink.items.filter((d) => d.code === 'cfn/circular-dependency').map((d) => [d.severity, d.line, d.message])).toEqual([
      ['error', 9, 'resources Bucket, Queue, Topic depend on each other; CloudFormation rejects circular dependencies'],
      ['error', 13, 'resource Selfish depends on itself; CloudFormation rejects circular dependencies'],
    ]);
    expect(f.entities).toHaveLength(5);
  });

  it('reports conditions that depend on themselves, once each', () => {
    const template = [
      'Conditions:', //                                        1
      '  A: !And [!Condition B, !Equals [1, 1]]', //           2
      '  B: !Not [!Condition A]', //                           3
      '  C: !Equals [1, 1]', //                                4
      'Resources:', //                                         5
      '  T:', //                                               6
      '    Type: AWS::SNS::Topic', //                          7
      '    Condition: A', //                                   8
    ].join('\n');
    const f = lower({ 't.yaml': `${template}\n` });
    const found = f.sink.items.filter((d) => d.code === 'cfn/circular-condition');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', line: 2 });
    expect(found[0]?.message).toContain('condition A depends on itself');
    expect(f.byId('AwsResource:cfn:t.yaml#T')?.props['conditional']).toBe('A');
  });
});
