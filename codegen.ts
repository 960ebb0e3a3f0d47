import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema/*.graphql',
  emitLegacyCommonJSImports: true,
  generates: {
    'src/graphql/generated/types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        contextType: '../context#GraphQLContext',
        mappers: {
          Bank: '../../domain/content#BankRecord',
          Section: '../models#SectionModel',
          Question: '../models#QuestionModel',
          QuestionConnection: '../models#QuestionConnectionModel',
          QuestionSet: '../models#QuestionSetModel',
          Attempt: '../../domain/attempts#AttemptRecord',
          QuestionState: '../models#QuestionStateModel',
          RecordAttemptPayload: '../models#RecordAttemptPayloadModel',
          Quiz: '../../domain/attempts#QuizRecord',
          TopicMastery: '../models#TopicMasteryModel',
          QuestionStats: '../models#QuestionStatsModel',
          SectionStats: '../models#SectionStatsModel',
          AttemptConnection: '../models#AttemptConnectionModel',
          User: '../models#UserModel',
        },
        useIndexSignature: false,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        maybeValue: 'T | null',
        enumsAsTypes: true,
        useTypeImports: true,
      },
    },
    'src/graphql/generated/typedefs.ts': { plugins: ['./codegen/typedefs-plugin.js'] },
  },
};

export default config;
