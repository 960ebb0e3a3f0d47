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
          Section: '../../usecases/models#SectionModel',
          Question: '../../usecases/models#QuestionModel',
          Option: '../../usecases/models#OptionModel',
          QuestionConnection: '../../usecases/models#QuestionConnectionModel',
          QuestionSet: '../../usecases/models#QuestionSetModel',
          QuestionSearchConnection: '../../usecases/models#QuestionSearchConnectionModel',
          Attempt: '../../domain/attempts#AttemptRecord',
          QuestionState: '../../usecases/models#QuestionStateModel',
          RecordAttemptPayload: '../../usecases/models#RecordAttemptPayloadModel',
          Quiz: '../../domain/attempts#QuizRecord',
          QuizItem: '../../usecases/models#QuizItemModel',
          QuizConnection: '../../usecases/models#QuizConnectionModel',
          TopicMastery: '../../usecases/models#TopicMasteryModel',
          QuestionStats: '../../usecases/models#QuestionStatsModel',
          SectionStats: '../../usecases/models#SectionStatsModel',
          AttemptConnection: '../../usecases/models#AttemptConnectionModel',
          User: '../../usecases/models#UserModel',
        },
        scalars: { DateTime: 'string' },
        useIndexSignature: false,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        maybeValue: 'T | null',
        enumsAsTypes: true,
        useTypeImports: true,
      },
    },
    'src/graphql/generated/typedefs.ts': {
      plugins: ['./codegen/typedefs-plugin.js'],
      config: { part: 'typedefs' },
    },
    'src/graphql/generated/schema-document.ts': {
      plugins: ['./codegen/typedefs-plugin.js'],
      config: { part: 'described' },
    },
  },
};

export default config;
