/* Generated from schemas/*.schema.json by `npm run generate` (scripts/generate-validators.ts):
 * Ajv's standalone code for src/strict-schemas.ts, for src/validate.ts.
 * DO NOT EDIT: change the schemas (or Ajv) and regenerate. `npm test` fails when this file drifts. */
// @ts-nocheck: Ajv generates JavaScript; the typed surface is what follows it.
import type { DataValidationCxt, ErrorObject } from 'ajv/dist/types/index.js';
import { patternEngine } from './pattern-engine.ts';
import { FORMATS } from './schema-formats.ts';
export const apiError = validate20;
const schema31 = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'strict/api-error.schema.json',
  title: 'ApiError',
  description: 'One error (or warning) item of a v2 response, as in the documented 8015 body.',
  type: 'object',
  required: ['status', 'code', 'message'],
  properties: {
    status: { type: 'boolean', description: 'Always false for an error item.' },
    code: {
      type: 'integer',
      description: 'API error code. 8015: Customer not found for the given identifiers (invalid customerId).',
    },
    message: { type: 'string', description: 'Human-readable error message.' },
  },
  additionalProperties: false,
};
function validate20(data, { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  /*# sourceURL="strict/api-error.schema.json" */ let vErrors = null;
  let errors = 0;
  const evaluated0 = validate20.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = undefined;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = undefined;
  }
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.status === undefined) {
      const err0 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'status' },
        message: "must have required property '" + 'status' + "'",
        schema: schema31.required,
        parentSchema: schema31,
        data,
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.code === undefined) {
      const err1 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'code' },
        message: "must have required property '" + 'code' + "'",
        schema: schema31.required,
        parentSchema: schema31,
        data,
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.message === undefined) {
      const err2 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'message' },
        message: "must have required property '" + 'message' + "'",
        schema: schema31.required,
        parentSchema: schema31,
        data,
      };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === 'status' || key0 === 'code' || key0 === 'message')) {
        const err3 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
          schema: false,
          parentSchema: schema31,
          data,
        };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.status !== undefined) {
      let data0 = data.status;
      if (typeof data0 !== 'boolean') {
        const err4 = {
          instancePath: instancePath + '/status',
          schemaPath: '#/properties/status/type',
          keyword: 'type',
          params: { type: 'boolean' },
          message: 'must be boolean',
          schema: schema31.properties.status.type,
          parentSchema: schema31.properties.status,
          data: data0,
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.code !== undefined) {
      let data1 = data.code;
      if (!(typeof data1 == 'number' && !(data1 % 1) && !isNaN(data1) && isFinite(data1))) {
        const err5 = {
          instancePath: instancePath + '/code',
          schemaPath: '#/properties/code/type',
          keyword: 'type',
          params: { type: 'integer' },
          message: 'must be integer',
          schema: schema31.properties.code.type,
          parentSchema: schema31.properties.code,
          data: data1,
        };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.message !== undefined) {
      let data2 = data.message;
      if (typeof data2 !== 'string') {
        const err6 = {
          instancePath: instancePath + '/message',
          schemaPath: '#/properties/message/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema31.properties.message.type,
          parentSchema: schema31.properties.message,
          data: data2,
        };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
  } else {
    const err7 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
      schema: schema31.type,
      parentSchema: schema31,
      data,
    };
    if (vErrors === null) {
      vErrors = [err7];
    } else {
      vErrors.push(err7);
    }
    errors++;
  }
  validate20.errors = vErrors;
  return errors === 0;
}
validate20.evaluated = { props: true, dynamicProps: false, dynamicItems: false };
export const dateTime = validate21;
const schema32 = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'strict/date-time.schema.json',
  title: 'IsoDateTime',
  description:
    "A date and time in ISO 8601 / RFC 3339 form with a 'T' separator and a zone ('Z' or an offset such as +05:30); fractional seconds are allowed. The docs name the format 'ISO YYYY-MM-DD HH:MM:SS.s'; every value in the documented example is of the form 2023-12-07T00:00:00Z. The pattern pins the shape, the format rejects impossible dates (month 13, 30 February).",
  type: 'string',
  pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$',
  format: 'date-time',
  examples: ['2023-12-07T00:00:00Z', '2024-12-31T23:59:59Z'],
};
const formats0 = FORMATS['date-time'];
const func0 = patternEngine;
const pattern4 = func0('^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$', 'u');
function validate21(data, { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  /*# sourceURL="strict/date-time.schema.json" */ let vErrors = null;
  let errors = 0;
  const evaluated0 = validate21.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = undefined;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = undefined;
  }
  if (typeof data === 'string') {
    if (!pattern4.test(data)) {
      const err0 = {
        instancePath,
        schemaPath: '#/pattern',
        keyword: 'pattern',
        params: { pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$' },
        message:
          'must match pattern "' +
          '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$' +
          '"',
        schema: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$',
        parentSchema: schema32,
        data,
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (!formats0.validate(data)) {
      const err1 = {
        instancePath,
        schemaPath: '#/format',
        keyword: 'format',
        params: { format: 'date-time' },
        message: 'must match format "' + 'date-time' + '"',
        schema: 'date-time',
        parentSchema: schema32,
        data,
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
  } else {
    const err2 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'string' },
      message: 'must be string',
      schema: schema32.type,
      parentSchema: schema32,
      data,
    };
    if (vErrors === null) {
      vErrors = [err2];
    } else {
      vErrors.push(err2);
    }
    errors++;
  }
  validate21.errors = vErrors;
  return errors === 0;
}
validate21.evaluated = { dynamicProps: false, dynamicItems: false };
export const errorResponse = validate22;
const schema33 = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'strict/error-response.schema.json',
  title: 'ErrorResponse',
  description:
    'The error envelope, as in the documented 8015 body (Customer not found for the given identifiers): no tracker data and at least one error. The docs do not say which HTTP status comes with it.',
  type: 'object',
  required: ['errors'],
  properties: {
    pagination: { $ref: 'pagination.schema.json' },
    data: { type: 'array', maxItems: 0, description: 'Absent in the documented error body; if present it must hold no tracker.' },
    warnings: { type: 'array', description: 'Warnings, if any.', items: { $ref: 'api-error.schema.json' } },
    errors: {
      type: 'array',
      description: 'Errors: at least one.',
      minItems: 1,
      items: {
        $ref: 'api-error.schema.json',
        type: 'object',
        properties: { status: { const: false, description: 'false: the request failed.' } },
      },
    },
  },
  additionalProperties: false,
};
const schema34 = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'strict/pagination.schema.json',
  title: 'Pagination',
  description:
    'Pagination is not supported. The documented responses carry it with every field 0; a non-zero value is reported as a data-quality warning.',
  type: 'object',
  required: ['limit', 'offset', 'total'],
  properties: {
    limit: { type: 'integer', description: 'Page size (always 0: pagination is not supported).' },
    offset: { type: 'integer', description: 'Page offset (always 0: pagination is not supported).' },
    total: { type: 'integer', description: 'Total count (always 0: pagination is not supported).' },
  },
  additionalProperties: false,
};
function validate22(data, { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  /*# sourceURL="strict/error-response.schema.json" */ let vErrors = null;
  let errors = 0;
  const evaluated0 = validate22.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = undefined;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = undefined;
  }
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.errors === undefined) {
      const err0 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'errors' },
        message: "must have required property '" + 'errors' + "'",
        schema: schema33.required,
        parentSchema: schema33,
        data,
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === 'pagination' || key0 === 'data' || key0 === 'warnings' || key0 === 'errors')) {
        const err1 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
          schema: false,
          parentSchema: schema33,
          data,
        };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.pagination !== undefined) {
      let data0 = data.pagination;
      if (data0 && typeof data0 == 'object' && !Array.isArray(data0)) {
        if (data0.limit === undefined) {
          const err2 = {
            instancePath: instancePath + '/pagination',
            schemaPath: 'pagination.schema.json/required',
            keyword: 'required',
            params: { missingProperty: 'limit' },
            message: "must have required property '" + 'limit' + "'",
            schema: schema34.required,
            parentSchema: schema34,
            data: data0,
          };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
        if (data0.offset === undefined) {
          const err3 = {
            instancePath: instancePath + '/pagination',
            schemaPath: 'pagination.schema.json/required',
            keyword: 'required',
            params: { missingProperty: 'offset' },
            message: "must have required property '" + 'offset' + "'",
            schema: schema34.required,
            parentSchema: schema34,
            data: data0,
          };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
        if (data0.total === undefined) {
          const err4 = {
            instancePath: instancePath + '/pagination',
            schemaPath: 'pagination.schema.json/required',
            keyword: 'required',
            params: { missingProperty: 'total' },
            message: "must have required property '" + 'total' + "'",
            schema: schema34.required,
            parentSchema: schema34,
            data: data0,
          };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
        for (const key1 in data0) {
          if (!(key1 === 'limit' || key1 === 'offset' || key1 === 'total')) {
            const err5 = {
              instancePath: instancePath + '/pagination',
              schemaPath: 'pagination.schema.json/additionalProperties',
              keyword: 'additionalProperties',
              params: { additionalProperty: key1 },
              message: 'must NOT have additional properties',
              schema: false,
              parentSchema: schema34,
              data: data0,
            };
            if (vErrors === null) {
              vErrors = [err5];
            } else {
              vErrors.push(err5);
            }
            errors++;
          }
        }
        if (data0.limit !== undefined) {
          let data1 = data0.limit;
          if (!(typeof data1 == 'number' && !(data1 % 1) && !isNaN(data1) && isFinite(data1))) {
            const err6 = {
              instancePath: instancePath + '/pagination/limit',
              schemaPath: 'pagination.schema.json/properties/limit/type',
              keyword: 'type',
              params: { type: 'integer' },
              message: 'must be integer',
              schema: schema34.properties.limit.type,
              parentSchema: schema34.properties.limit,
              data: data1,
            };
            if (vErrors === null) {
              vErrors = [err6];
            } else {
              vErrors.push(err6);
            }
            errors++;
          }
        }
        if (data0.offset !== undefined) {
          let data2 = data0.offset;
          if (!(typeof data2 == 'number' && !(data2 % 1) && !isNaN(data2) && isFinite(data2))) {
            const err7 = {
              instancePath: instancePath + '/pagination/offset',
              schemaPath: 'pagination.schema.json/properties/offset/type',
              keyword: 'type',
              params: { type: 'integer' },
              message: 'must be integer',
              schema: schema34.properties.offset.type,
              parentSchema: schema34.properties.offset,
              data: data2,
            };
            if (vErrors === null) {
              vErrors = [err7];
            } else {
              vErrors.push(err7);
            }
            errors++;
          }
        }
        if (data0.total !== undefined) {
          let data3 = data0.total;
          if (!(typeof data3 == 'number' && !(data3 % 1) && !isNaN(data3) && isFinite(data3))) {
            const err8 = {
              instancePath: instancePath + '/pagination/total',
              schemaPath: 'pagination.schema.json/properties/total/type',
              keyword: 'type',
              params: { type: 'integer' },
              message: 'must be integer',
              schema: schema34.properties.total.type,
              parentSchema: schema34.properties.total,
              data: data3,
            };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
        }
      } else {
        const err9 = {
          instancePath: instancePath + '/pagination',
          schemaPath: 'pagination.schema.json/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
          schema: schema34.type,
          parentSchema: schema34,
          data: data0,
        };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
    if (data.data !== undefined) {
      let data4 = data.data;
      if (Array.isArray(data4)) {
        if (data4.length > 0) {
          const err10 = {
            instancePath: instancePath + '/data',
            schemaPath: '#/properties/data/maxItems',
            keyword: 'maxItems',
            params: { limit: 0 },
            message: 'must NOT have more than 0 items',
            schema: 0,
            parentSchema: schema33.properties.data,
            data: data4,
          };
          if (vErrors === null) {
            vErrors = [err10];
          } else {
            vErrors.push(err10);
          }
          errors++;
        }
      } else {
        const err11 = {
          instancePath: instancePath + '/data',
          schemaPath: '#/properties/data/type',
          keyword: 'type',
          params: { type: 'array' },
          message: 'must be array',
          schema: schema33.properties.data.type,
          parentSchema: schema33.properties.data,
          data: data4,
        };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.warnings !== undefined) {
      let data5 = data.warnings;
      if (Array.isArray(data5)) {
        const len0 = data5.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data6 = data5[i0];
          if (data6 && typeof data6 == 'object' && !Array.isArray(data6)) {
            if (data6.status === undefined) {
              const err12 = {
                instancePath: instancePath + '/warnings/' + i0,
                schemaPath: 'api-error.schema.json/required',
                keyword: 'required',
                params: { missingProperty: 'status' },
                message: "must have required property '" + 'status' + "'",
                schema: schema31.required,
                parentSchema: schema31,
                data: data6,
              };
              if (vErrors === null) {
                vErrors = [err12];
              } else {
                vErrors.push(err12);
              }
              errors++;
            }
            if (data6.code === undefined) {
              const err13 = {
                instancePath: instancePath + '/warnings/' + i0,
                schemaPath: 'api-error.schema.json/required',
                keyword: 'required',
                params: { missingProperty: 'code' },
                message: "must have required property '" + 'code' + "'",
                schema: schema31.required,
                parentSchema: schema31,
                data: data6,
              };
              if (vErrors === null) {
                vErrors = [err13];
              } else {
                vErrors.push(err13);
              }
              errors++;
            }
            if (data6.message === undefined) {
              const err14 = {
                instancePath: instancePath + '/warnings/' + i0,
                schemaPath: 'api-error.schema.json/required',
                keyword: 'required',
                params: { missingProperty: 'message' },
                message: "must have required property '" + 'message' + "'",
                schema: schema31.required,
                parentSchema: schema31,
                data: data6,
              };
              if (vErrors === null) {
                vErrors = [err14];
              } else {
                vErrors.push(err14);
              }
              errors++;
            }
            for (const key2 in data6) {
              if (!(key2 === 'status' || key2 === 'code' || key2 === 'message')) {
                const err15 = {
                  instancePath: instancePath + '/warnings/' + i0,
                  schemaPath: 'api-error.schema.json/additionalProperties',
                  keyword: 'additionalProperties',
                  params: { additionalProperty: key2 },
                  message: 'must NOT have additional properties',
                  schema: false,
                  parentSchema: schema31,
                  data: data6,
                };
                if (vErrors === null) {
                  vErrors = [err15];
                } else {
                  vErrors.push(err15);
                }
                errors++;
              }
            }
            if (data6.status !== undefined) {
              let data7 = data6.status;
              if (typeof data7 !== 'boolean') {
                const err16 = {
                  instancePath: instancePath + '/warnings/' + i0 + '/status',
                  schemaPath: 'api-error.schema.json/properties/status/type',
                  keyword: 'type',
                  params: { type: 'boolean' },
                  message: 'must be boolean',
                  schema: schema31.properties.status.type,
                  parentSchema: schema31.properties.status,
                  data: data7,
                };
                if (vErrors === null) {
                  vErrors = [err16];
                } else {
                  vErrors.push(err16);
                }
                errors++;
              }
            }
            if (data6.code !== undefined) {
              let data8 = data6.code;
              if (!(typeof data8 == 'number' && !(data8 % 1) && !isNaN(data8) && isFinite(data8))) {
                const err17 = {
                  instancePath: instancePath + '/warnings/' + i0 + '/code',
                  schemaPath: 'api-error.schema.json/properties/code/type',
                  keyword: 'type',
                  params: { type: 'integer' },
                  message: 'must be integer',
                  schema: schema31.properties.code.type,
                  parentSchema: schema31.properties.code,
                  data: data8,
                };
                if (vErrors === null) {
                  vErrors = [err17];
                } else {
                  vErrors.push(err17);
                }
                errors++;
              }
            }
            if (data6.message !== undefined) {
              let data9 = data6.message;
              if (typeof data9 !== 'string') {
                const err18 = {
                  instancePath: instancePath + '/warnings/' + i0 + '/message',
                  schemaPath: 'api-error.schema.json/properties/message/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                  schema: schema31.properties.message.type,
                  parentSchema: schema31.properties.message,
                  data: data9,
                };
                if (vErrors === null) {
                  vErrors = [err18];
                } else {
                  vErrors.push(err18);
                }
                errors++;
              }
            }
          } else {
            const err19 = {
              instancePath: instancePath + '/warnings/' + i0,
              schemaPath: 'api-error.schema.json/type',
              keyword: 'type',
              params: { type: 'object' },
              message: 'must be object',
              schema: schema31.type,
              parentSchema: schema31,
              data: data6,
            };
            if (vErrors === null) {
              vErrors = [err19];
            } else {
              vErrors.push(err19);
            }
            errors++;
          }
        }
      } else {
        const err20 = {
          instancePath: instancePath + '/warnings',
          schemaPath: '#/properties/warnings/type',
          keyword: 'type',
          params: { type: 'array' },
          message: 'must be array',
          schema: schema33.properties.warnings.type,
          parentSchema: schema33.properties.warnings,
          data: data5,
        };
        if (vErrors === null) {
          vErrors = [err20];
        } else {
          vErrors.push(err20);
        }
        errors++;
      }
    }
    if (data.errors !== undefined) {
      let data10 = data.errors;
      if (Array.isArray(data10)) {
        if (data10.length < 1) {
          const err21 = {
            instancePath: instancePath + '/errors',
            schemaPath: '#/properties/errors/minItems',
            keyword: 'minItems',
            params: { limit: 1 },
            message: 'must NOT have fewer than 1 items',
            schema: 1,
            parentSchema: schema33.properties.errors,
            data: data10,
          };
          if (vErrors === null) {
            vErrors = [err21];
          } else {
            vErrors.push(err21);
          }
          errors++;
        }
        const len1 = data10.length;
        for (let i1 = 0; i1 < len1; i1++) {
          let data11 = data10[i1];
          if (data11 && typeof data11 == 'object' && !Array.isArray(data11)) {
            if (data11.status === undefined) {
              const err22 = {
                instancePath: instancePath + '/errors/' + i1,
                schemaPath: 'api-error.schema.json/required',
                keyword: 'required',
                params: { missingProperty: 'status' },
                message: "must have required property '" + 'status' + "'",
                schema: schema31.required,
                parentSchema: schema31,
                data: data11,
              };
              if (vErrors === null) {
                vErrors = [err22];
              } else {
                vErrors.push(err22);
              }
              errors++;
            }
            if (data11.code === undefined) {
              const err23 = {
                instancePath: instancePath + '/errors/' + i1,
                schemaPath: 'api-error.schema.json/required',
                keyword: 'required',
                params: { missingProperty: 'code' },
                message: "must have required property '" + 'code' + "'",
                schema: schema31.required,
                parentSchema: schema31,
                data: data11,
              };
              if (vErrors === null) {
                vErrors = [err23];
              } else {
                vErrors.push(err23);
              }
              errors++;
            }
            if (data11.message === undefined) {
              const err24 = {
                instancePath: instancePath + '/errors/' + i1,
                schemaPath: 'api-error.schema.json/required',
                keyword: 'required',
                params: { missingProperty: 'message' },
                message: "must have required property '" + 'message' + "'",
                schema: schema31.required,
                parentSchema: schema31,
                data: data11,
              };
              if (vErrors === null) {
                vErrors = [err24];
              } else {
                vErrors.push(err24);
              }
              errors++;
            }
            for (const key3 in data11) {
              if (!(key3 === 'status' || key3 === 'code' || key3 === 'message')) {
                const err25 = {
                  instancePath: instancePath + '/errors/' + i1,
                  schemaPath: 'api-error.schema.json/additionalProperties',
                  keyword: 'additionalProperties',
                  params: { additionalProperty: key3 },
                  message: 'must NOT have additional properties',
                  schema: false,
                  parentSchema: schema31,
                  data: data11,
                };
                if (vErrors === null) {
                  vErrors = [err25];
                } else {
                  vErrors.push(err25);
                }
                errors++;
              }
            }
            if (data11.status !== undefined) {
              let data12 = data11.status;
              if (typeof data12 !== 'boolean') {
                const err26 = {
                  instancePath: instancePath + '/errors/' + i1 + '/status',
                  schemaPath: 'api-error.schema.json/properties/status/type',
                  keyword: 'type',
                  params: { type: 'boolean' },
                  message: 'must be boolean',
                  schema: schema31.properties.status.type,
                  parentSchema: schema31.properties.status,
                  data: data12,
                };
                if (vErrors === null) {
                  vErrors = [err26];
                } else {
                  vErrors.push(err26);
                }
                errors++;
              }
            }
            if (data11.code !== undefined) {
              let data13 = data11.code;
              if (!(typeof data13 == 'number' && !(data13 % 1) && !isNaN(data13) && isFinite(data13))) {
                const err27 = {
                  instancePath: instancePath + '/errors/' + i1 + '/code',
                  schemaPath: 'api-error.schema.json/properties/code/type',
                  keyword: 'type',
                  params: { type: 'integer' },
                  message: 'must be integer',
                  schema: schema31.properties.code.type,
                  parentSchema: schema31.properties.code,
                  data: data13,
                };
                if (vErrors === null) {
                  vErrors = [err27];
                } else {
                  vErrors.push(err27);
                }
                errors++;
              }
            }
            if (data11.message !== undefined) {
              let data14 = data11.message;
              if (typeof data14 !== 'string') {
                const err28 = {
                  instancePath: instancePath + '/errors/' + i1 + '/message',
                  schemaPath: 'api-error.schema.json/properties/message/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                  schema: schema31.properties.message.type,
                  parentSchema: schema31.properties.message,
                  data: data14,
                };
                if (vErrors === null) {
                  vErrors = [err28];
                } else {
                  vErrors.push(err28);
                }
                errors++;
              }
            }
          } else {
            const err29 = {
              instancePath: instancePath + '/errors/' + i1,
              schemaPath: 'api-error.schema.json/type',
              keyword: 'type',
              params: { type: 'object' },
              message: 'must be object',
              schema: schema31.type,
              parentSchema: schema31,
              data: data11,
            };
            if (vErrors === null) {
              vErrors = [err29];
            } else {
              vErrors.push(err29);
            }
            errors++;
          }
          if (data11 && typeof data11 == 'object' && !Array.isArray(data11)) {
            if (data11.status !== undefined) {
              let data15 = data11.status;
              if (false !== data15) {
                const err30 = {
                  instancePath: instancePath + '/errors/' + i1 + '/status',
                  schemaPath: '#/properties/errors/items/properties/status/const',
                  keyword: 'const',
                  params: { allowedValue: false },
                  message: 'must be equal to constant',
                  schema: false,
                  parentSchema: schema33.properties.errors.items.properties.status,
                  data: data15,
                };
                if (vErrors === null) {
                  vErrors = [err30];
                } else {
                  vErrors.push(err30);
                }
                errors++;
              }
            }
          } else {
            const err31 = {
              instancePath: instancePath + '/errors/' + i1,
              schemaPath: '#/properties/errors/items/type',
              keyword: 'type',
              params: { type: 'object' },
              message: 'must be object',
              schema: schema33.properties.errors.items.type,
              parentSchema: schema33.properties.errors.items,
              data: data11,
            };
            if (vErrors === null) {
              vErrors = [err31];
            } else {
              vErrors.push(err31);
            }
            errors++;
          }
        }
      } else {
        const err32 = {
          instancePath: instancePath + '/errors',
          schemaPath: '#/properties/errors/type',
          keyword: 'type',
          params: { type: 'array' },
          message: 'must be array',
          schema: schema33.properties.errors.type,
          parentSchema: schema33.properties.errors,
          data: data10,
        };
        if (vErrors === null) {
          vErrors = [err32];
        } else {
          vErrors.push(err32);
        }
        errors++;
      }
    }
  } else {
    const err33 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
      schema: schema33.type,
      parentSchema: schema33,
      data,
    };
    if (vErrors === null) {
      vErrors = [err33];
    } else {
      vErrors.push(err33);
    }
    errors++;
  }
  validate22.errors = vErrors;
  return errors === 0;
}
validate22.evaluated = { props: true, dynamicProps: false, dynamicItems: false };
export const knownTrackerType = validate23;
const schema37 = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'strict/known-tracker-type.schema.json',
  title: 'KnownTrackerType',
  description:
    'Tracker types this contract knows: the seven the docs list (BILL_AMOUNT, CUSTOMER_VISITS, POINTS, LINEITEM_AMOUNT, LINEITEM_QTY, LINEITEM_COUNT, ALTERNATE_CURRENCIES) and four more seen in the documented example response (BILL_EXTENDED_FIELD, LINEITEM_EXTENDED_FIELD, BILL_TOTAL_QTY, BILL_GROSS_AMOUNT).',
  type: 'string',
  enum: [
    'BILL_AMOUNT',
    'CUSTOMER_VISITS',
    'POINTS',
    'LINEITEM_AMOUNT',
    'LINEITEM_QTY',
    'LINEITEM_COUNT',
    'ALTERNATE_CURRENCIES',
    'BILL_EXTENDED_FIELD',
    'LINEITEM_EXTENDED_FIELD',
    'BILL_TOTAL_QTY',
    'BILL_GROSS_AMOUNT',
  ],
};
function validate23(data, { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  /*# sourceURL="strict/known-tracker-type.schema.json" */ let vErrors = null;
  let errors = 0;
  const evaluated0 = validate23.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = undefined;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = undefined;
  }
  if (typeof data !== 'string') {
    const err0 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'string' },
      message: 'must be string',
      schema: schema37.type,
      parentSchema: schema37,
      data,
    };
    if (vErrors === null) {
      vErrors = [err0];
    } else {
      vErrors.push(err0);
    }
    errors++;
  }
  if (!(
    data === 'BILL_AMOUNT' ||
    data === 'CUSTOMER_VISITS' ||
    data === 'POINTS' ||
    data === 'LINEITEM_AMOUNT' ||
    data === 'LINEITEM_QTY' ||
    data === 'LINEITEM_COUNT' ||
    data === 'ALTERNATE_CURRENCIES' ||
    data === 'BILL_EXTENDED_FIELD' ||
    data === 'LINEITEM_EXTENDED_FIELD' ||
    data === 'BILL_TOTAL_QTY' ||
    data === 'BILL_GROSS_AMOUNT'
  )) {
    const err1 = {
      instancePath,
      schemaPath: '#/enum',
      keyword: 'enum',
      params: { allowedValues: schema37.enum },
      message: 'must be equal to one of the allowed values',
      schema: schema37.enum,
      parentSchema: schema37,
      data,
    };
    if (vErrors === null) {
      vErrors = [err1];
    } else {
      vErrors.push(err1);
    }
    errors++;
  }
  validate23.errors = vErrors;
  return errors === 0;
}
validate23.evaluated = { dynamicProps: false, dynamicItems: false };
export const monitorTargets = validate24;
const schema38 = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'strict/monitor-targets.schema.json',
  title: 'MonitorTargetsFile',
  description:
    "What the monitor probes (monitor/main.ts --config FILE or MONITOR_CONFIG): one or more targets, e.g. clusters x customers. Credentials are named by environment variable, never written here. A field left out takes the environment's value (CAP_* variables, see .env.example).",
  type: 'object',
  required: ['targets'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string', description: 'Optional: a path to this schema, for editors.' },
    targets: {
      type: 'array',
      minItems: 1,
      maxItems: 1000,
      description: 'The targets, each probed on its own timers.',
      items: {
        title: 'MonitorTargetSpec',
        type: 'object',
        required: ['name'],
        additionalProperties: false,
        properties: {
          name: {
            type: 'string',
            pattern: '^[a-z0-9_-]{1,40}$',
            description: 'The target label of every metric: unique, lower-case letters, digits, _ and -, at most 40 characters.',
          },
          baseUrl: {
            type: 'string',
            minLength: 1,
            description:
              'Base URL of the cluster, e.g. https://eu.api.capillarytech.com. Absent: CAP_BASE_URL, or the embedded sandbox when that is unset.',
          },
          customerId: {
            type: 'string',
            pattern: '^[1-9][0-9]{0,18}$',
            description: 'A customer that exists (decimal string: ids are 64-bit). Absent: CAP_CUSTOMER_ID.',
          },
          missingCustomerId: {
            type: 'string',
            pattern: '^[1-9][0-9]{0,18}$',
            description: 'A customer id that does not exist (the API must answer 8015). Absent: CAP_MISSING_CUSTOMER_ID.',
          },
          auth: {
            title: 'MonitorCredentialRefs',
            type: 'object',
            additionalProperties: false,
            description:
              "Credentials by environment variable name. Absent: the environment's credentials (CAP_*) when the target uses the environment's base URL; a remote target left with none is a configuration error. {} sends none.",
            properties: {
              username: { type: 'string', minLength: 1, description: 'Basic user name, given directly (not a secret).' },
              usernameEnv: {
                type: 'string',
                pattern: '^[A-Za-z_][A-Za-z0-9_]*$',
                description: 'Variable holding the Basic user name.',
              },
              passwordEnv: {
                type: 'string',
                pattern: '^[A-Za-z_][A-Za-z0-9_]*$',
                description: 'Variable holding the Basic password.',
              },
              passwordIsMd5: { type: 'boolean', description: 'true when the password variable holds its md5 hex.' },
              oauthKeyEnv: {
                type: 'string',
                pattern: '^[A-Za-z_][A-Za-z0-9_]*$',
                description: 'Variable holding the OAuth client key.',
              },
              oauthSecretEnv: {
                type: 'string',
                pattern: '^[A-Za-z_][A-Za-z0-9_]*$',
                description: 'Variable holding the OAuth client secret.',
              },
              oauthTokenEnv: {
                type: 'string',
                pattern: '^[A-Za-z_][A-Za-z0-9_]*$',
                description: 'Variable holding an OAuth token.',
              },
            },
          },
          intervalSeconds: {
            type: 'integer',
            minimum: 1,
            maximum: 86400,
            description: 'Seconds between probes of the existing customer (default 30).',
          },
          notFoundIntervalSeconds: {
            type: 'integer',
            minimum: 1,
            maximum: 86400,
            description: 'Seconds between probes of the missing customer (the 8015 check; default 300).',
          },
          authIntervalSeconds: {
            type: 'integer',
            minimum: 0,
            maximum: 86400,
            description:
              'Seconds between auth checks (requests without, and with wrong, credentials must be refused; default 300). 0 turns the auth check off.',
          },
          timeoutMs: {
            type: 'integer',
            minimum: 1,
            maximum: 600000,
            description: 'Whole-request timeout. Absent: CAP_TIMEOUT_MS.',
          },
          latencyBudgetMs: {
            type: 'integer',
            minimum: 1,
            maximum: 600000,
            description: 'A slower response fails. Absent: CAP_LATENCY_BUDGET_MS.',
          },
          latencyDegradedMs: {
            type: 'integer',
            minimum: 1,
            maximum: 600000,
            description: 'A slower response counts as degraded. Absent: CAP_LATENCY_DEGRADED_MS.',
          },
          notFoundStatuses: {
            type: 'array',
            minItems: 1,
            uniqueItems: true,
            items: { type: 'integer', minimum: 200, maximum: 499, not: { enum: [401, 403, 407] } },
            description:
              'HTTP statuses accepted with the 8015 body; never an authentication refusal (401, 403, 407: broken credentials would pass the check) nor a 5xx. Absent: CAP_NOT_FOUND_STATUS.',
          },
          flapping: {
            title: 'MonitorFlapThresholds',
            type: 'object',
            required: ['lowPercent', 'highPercent'],
            additionalProperties: false,
            description:
              "When a check of this target counts as FLAPPING, by Nagios' weighted percent state change over its last 21 probes (docs/monitor.md#flapping). Absent: low 20, high 30.",
            properties: {
              lowPercent: {
                type: 'number',
                minimum: 0,
                maximum: 100,
                description: 'Flapping stops when the percent state change falls to this; under highPercent.',
              },
              highPercent: {
                type: 'number',
                exclusiveMinimum: 0,
                maximum: 100,
                description: 'Flapping starts when the percent state change reaches this.',
              },
            },
          },
        },
      },
    },
    maintenance: {
      type: 'array',
      maxItems: 100,
      description:
        'Planned maintenance windows (docs/monitor.md#maintenance-windows): probing goes on, trackers_maintenance{target} is 1, alerts and error budget leave the window out, the status page says MAINTENANCE.',
      items: {
        title: 'MaintenanceWindowSpec',
        type: 'object',
        required: ['name'],
        additionalProperties: false,
        properties: {
          name: {
            type: 'string',
            minLength: 1,
            description:
              "Names the window in the log, on the status page and in an Alertmanager silence's comment: unique, 1-80 characters, no control characters.",
            pattern: '^[^\\u0000-\\u001f\\u007f]{1,80}$',
          },
          reason: {
            type: 'string',
            description: "Why, at most 300 characters: shown on the status page, in the log and as the silence's comment.",
          },
          targets: {
            type: 'array',
            minItems: 1,
            uniqueItems: true,
            items: { type: 'string', pattern: '^[a-z0-9_-]{1,40}$' },
            description: 'Names of targets in this file. Absent: every target.',
          },
          start: { type: 'string', format: 'date-time', description: "A one-off window's start (RFC 3339, with an offset)." },
          end: { type: 'string', format: 'date-time', description: "A one-off window's end (RFC 3339), after start." },
          cron: {
            type: 'string',
            minLength: 1,
            description:
              "A recurring window's starts: 5 fields (minute hour day-of-month month day-of-week; *, lists, ranges, steps), in timeZone.",
          },
          duration: {
            type: 'string',
            pattern: '^([1-9][0-9]{0,2}d)?([0-9]{1,3}h)?([0-9]{1,4}m)?$',
            minLength: 1,
            description: 'A recurring window\'s length, e.g. "90m", "2h", "1h30m" (at most 7 days).',
          },
          timeZone: {
            type: 'string',
            minLength: 1,
            description: 'IANA time zone the cron fields are read in, e.g. Europe/Berlin (default UTC).',
          },
        },
        description:
          'Either start and end (a one-off window), or cron and duration with an optional timeZone (a recurring one); checked by monitor/maintenance.ts.',
      },
    },
  },
};
const func6 = Object.prototype.hasOwnProperty;
const pattern5 = func0('^[a-z0-9_-]{1,40}$', 'u');
const pattern6 = func0('^[1-9][0-9]{0,18}$', 'u');
const pattern8 = func0('^[A-Za-z_][A-Za-z0-9_]*$', 'u');
const pattern13 = func0('^[^\\u0000-\\u001f\\u007f]{1,80}$', 'u');
const pattern15 = func0('^([1-9][0-9]{0,2}d)?([0-9]{1,3}h)?([0-9]{1,4}m)?$', 'u');
function validate24(data, { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  /*# sourceURL="strict/monitor-targets.schema.json" */ let vErrors = null;
  let errors = 0;
  const evaluated0 = validate24.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = undefined;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = undefined;
  }
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.targets === undefined) {
      const err0 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'targets' },
        message: "must have required property '" + 'targets' + "'",
        schema: schema38.required,
        parentSchema: schema38,
        data,
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === '$schema' || key0 === 'targets' || key0 === 'maintenance')) {
        const err1 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
          schema: false,
          parentSchema: schema38,
          data,
        };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.$schema !== undefined) {
      let data0 = data.$schema;
      if (typeof data0 !== 'string') {
        const err2 = {
          instancePath: instancePath + '/$schema',
          schemaPath: '#/properties/%24schema/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema38.properties.$schema.type,
          parentSchema: schema38.properties.$schema,
          data: data0,
        };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.targets !== undefined) {
      let data1 = data.targets;
      if (Array.isArray(data1)) {
        if (data1.length > 1000) {
          const err3 = {
            instancePath: instancePath + '/targets',
            schemaPath: '#/properties/targets/maxItems',
            keyword: 'maxItems',
            params: { limit: 1000 },
            message: 'must NOT have more than 1000 items',
            schema: 1000,
            parentSchema: schema38.properties.targets,
            data: data1,
          };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
        if (data1.length < 1) {
          const err4 = {
            instancePath: instancePath + '/targets',
            schemaPath: '#/properties/targets/minItems',
            keyword: 'minItems',
            params: { limit: 1 },
            message: 'must NOT have fewer than 1 items',
            schema: 1,
            parentSchema: schema38.properties.targets,
            data: data1,
          };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
        const len0 = data1.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data2 = data1[i0];
          if (data2 && typeof data2 == 'object' && !Array.isArray(data2)) {
            if (data2.name === undefined) {
              const err5 = {
                instancePath: instancePath + '/targets/' + i0,
                schemaPath: '#/properties/targets/items/required',
                keyword: 'required',
                params: { missingProperty: 'name' },
                message: "must have required property '" + 'name' + "'",
                schema: schema38.properties.targets.items.required,
                parentSchema: schema38.properties.targets.items,
                data: data2,
              };
              if (vErrors === null) {
                vErrors = [err5];
              } else {
                vErrors.push(err5);
              }
              errors++;
            }
            for (const key1 in data2) {
              if (!func6.call(schema38.properties.targets.items.properties, key1)) {
                const err6 = {
                  instancePath: instancePath + '/targets/' + i0,
                  schemaPath: '#/properties/targets/items/additionalProperties',
                  keyword: 'additionalProperties',
                  params: { additionalProperty: key1 },
                  message: 'must NOT have additional properties',
                  schema: false,
                  parentSchema: schema38.properties.targets.items,
                  data: data2,
                };
                if (vErrors === null) {
                  vErrors = [err6];
                } else {
                  vErrors.push(err6);
                }
                errors++;
              }
            }
            if (data2.name !== undefined) {
              let data3 = data2.name;
              if (typeof data3 === 'string') {
                if (!pattern5.test(data3)) {
                  const err7 = {
                    instancePath: instancePath + '/targets/' + i0 + '/name',
                    schemaPath: '#/properties/targets/items/properties/name/pattern',
                    keyword: 'pattern',
                    params: { pattern: '^[a-z0-9_-]{1,40}$' },
                    message: 'must match pattern "' + '^[a-z0-9_-]{1,40}$' + '"',
                    schema: '^[a-z0-9_-]{1,40}$',
                    parentSchema: schema38.properties.targets.items.properties.name,
                    data: data3,
                  };
                  if (vErrors === null) {
                    vErrors = [err7];
                  } else {
                    vErrors.push(err7);
                  }
                  errors++;
                }
              } else {
                const err8 = {
                  instancePath: instancePath + '/targets/' + i0 + '/name',
                  schemaPath: '#/properties/targets/items/properties/name/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                  schema: schema38.properties.targets.items.properties.name.type,
                  parentSchema: schema38.properties.targets.items.properties.name,
                  data: data3,
                };
                if (vErrors === null) {
                  vErrors = [err8];
                } else {
                  vErrors.push(err8);
                }
                errors++;
              }
            }
            if (data2.baseUrl !== undefined) {
              let data4 = data2.baseUrl;
              if (typeof data4 === 'string') {
                if (data4.length < 1) {
                  const err9 = {
                    instancePath: instancePath + '/targets/' + i0 + '/baseUrl',
                    schemaPath: '#/properties/targets/items/properties/baseUrl/minLength',
                    keyword: 'minLength',
                    params: { limit: 1 },
                    message: 'must NOT have fewer than 1 characters',
                    schema: 1,
                    parentSchema: schema38.properties.targets.items.properties.baseUrl,
                    data: data4,
                  };
                  if (vErrors === null) {
                    vErrors = [err9];
                  } else {
                    vErrors.push(err9);
                  }
                  errors++;
                }
              } else {
                const err10 = {
                  instancePath: instancePath + '/targets/' + i0 + '/baseUrl',
                  schemaPath: '#/properties/targets/items/properties/baseUrl/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                  schema: schema38.properties.targets.items.properties.baseUrl.type,
                  parentSchema: schema38.properties.targets.items.properties.baseUrl,
                  data: data4,
                };
                if (vErrors === null) {
                  vErrors = [err10];
                } else {
                  vErrors.push(err10);
                }
                errors++;
              }
            }
            if (data2.customerId !== undefined) {
              let data5 = data2.customerId;
              if (typeof data5 === 'string') {
                if (!pattern6.test(data5)) {
                  const err11 = {
                    instancePath: instancePath + '/targets/' + i0 + '/customerId',
                    schemaPath: '#/properties/targets/items/properties/customerId/pattern',
                    keyword: 'pattern',
                    params: { pattern: '^[1-9][0-9]{0,18}$' },
                    message: 'must match pattern "' + '^[1-9][0-9]{0,18}$' + '"',
                    schema: '^[1-9][0-9]{0,18}$',
                    parentSchema: schema38.properties.targets.items.properties.customerId,
                    data: data5,
                  };
                  if (vErrors === null) {
                    vErrors = [err11];
                  } else {
                    vErrors.push(err11);
                  }
                  errors++;
                }
              } else {
                const err12 = {
                  instancePath: instancePath + '/targets/' + i0 + '/customerId',
                  schemaPath: '#/properties/targets/items/properties/customerId/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                  schema: schema38.properties.targets.items.properties.customerId.type,
                  parentSchema: schema38.properties.targets.items.properties.customerId,
                  data: data5,
                };
                if (vErrors === null) {
                  vErrors = [err12];
                } else {
                  vErrors.push(err12);
                }
                errors++;
              }
            }
            if (data2.missingCustomerId !== undefined) {
              let data6 = data2.missingCustomerId;
              if (typeof data6 === 'string') {
                if (!pattern6.test(data6)) {
                  const err13 = {
                    instancePath: instancePath + '/targets/' + i0 + '/missingCustomerId',
                    schemaPath: '#/properties/targets/items/properties/missingCustomerId/pattern',
                    keyword: 'pattern',
                    params: { pattern: '^[1-9][0-9]{0,18}$' },
                    message: 'must match pattern "' + '^[1-9][0-9]{0,18}$' + '"',
                    schema: '^[1-9][0-9]{0,18}$',
                    parentSchema: schema38.properties.targets.items.properties.missingCustomerId,
                    data: data6,
                  };
                  if (vErrors === null) {
                    vErrors = [err13];
                  } else {
                    vErrors.push(err13);
                  }
                  errors++;
                }
              } else {
                const err14 = {
                  instancePath: instancePath + '/targets/' + i0 + '/missingCustomerId',
                  schemaPath: '#/properties/targets/items/properties/missingCustomerId/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                  schema: schema38.properties.targets.items.properties.missingCustomerId.type,
                  parentSchema: schema38.properties.targets.items.properties.missingCustomerId,
                  data: data6,
                };
                if (vErrors === null) {
                  vErrors = [err14];
                } else {
                  vErrors.push(err14);
                }
                errors++;
              }
            }
            if (data2.auth !== undefined) {
              let data7 = data2.auth;
              if (data7 && typeof data7 == 'object' && !Array.isArray(data7)) {
                for (const key2 in data7) {
                  if (!(
                    key2 === 'username' ||
                    key2 === 'usernameEnv' ||
                    key2 === 'passwordEnv' ||
                    key2 === 'passwordIsMd5' ||
                    key2 === 'oauthKeyEnv' ||
                    key2 === 'oauthSecretEnv' ||
                    key2 === 'oauthTokenEnv'
                  )) {
                    const err15 = {
                      instancePath: instancePath + '/targets/' + i0 + '/auth',
                      schemaPath: '#/properties/targets/items/properties/auth/additionalProperties',
                      keyword: 'additionalProperties',
                      params: { additionalProperty: key2 },
                      message: 'must NOT have additional properties',
                      schema: false,
                      parentSchema: schema38.properties.targets.items.properties.auth,
                      data: data7,
                    };
                    if (vErrors === null) {
                      vErrors = [err15];
                    } else {
                      vErrors.push(err15);
                    }
                    errors++;
                  }
                }
                if (data7.username !== undefined) {
                  let data8 = data7.username;
                  if (typeof data8 === 'string') {
                    if (data8.length < 1) {
                      const err16 = {
                        instancePath: instancePath + '/targets/' + i0 + '/auth/username',
                        schemaPath: '#/properties/targets/items/properties/auth/properties/username/minLength',
                        keyword: 'minLength',
                        params: { limit: 1 },
                        message: 'must NOT have fewer than 1 characters',
                        schema: 1,
                        parentSchema: schema38.properties.targets.items.properties.auth.properties.username,
                        data: data8,
                      };
                      if (vErrors === null) {
                        vErrors = [err16];
                      } else {
                        vErrors.push(err16);
                      }
                      errors++;
                    }
                  } else {
                    const err17 = {
                      instancePath: instancePath + '/targets/' + i0 + '/auth/username',
                      schemaPath: '#/properties/targets/items/properties/auth/properties/username/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                      schema: schema38.properties.targets.items.properties.auth.properties.username.type,
                      parentSchema: schema38.properties.targets.items.properties.auth.properties.username,
                      data: data8,
                    };
                    if (vErrors === null) {
                      vErrors = [err17];
                    } else {
                      vErrors.push(err17);
                    }
                    errors++;
                  }
                }
                if (data7.usernameEnv !== undefined) {
                  let data9 = data7.usernameEnv;
                  if (typeof data9 === 'string') {
                    if (!pattern8.test(data9)) {
                      const err18 = {
                        instancePath: instancePath + '/targets/' + i0 + '/auth/usernameEnv',
                        schemaPath: '#/properties/targets/items/properties/auth/properties/usernameEnv/pattern',
                        keyword: 'pattern',
                        params: { pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
                        message: 'must match pattern "' + '^[A-Za-z_][A-Za-z0-9_]*$' + '"',
                        schema: '^[A-Za-z_][A-Za-z0-9_]*$',
                        parentSchema: schema38.properties.targets.items.properties.auth.properties.usernameEnv,
                        data: data9,
                      };
                      if (vErrors === null) {
                        vErrors = [err18];
                      } else {
                        vErrors.push(err18);
                      }
                      errors++;
                    }
                  } else {
                    const err19 = {
                      instancePath: instancePath + '/targets/' + i0 + '/auth/usernameEnv',
                      schemaPath: '#/properties/targets/items/properties/auth/properties/usernameEnv/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                      schema: schema38.properties.targets.items.properties.auth.properties.usernameEnv.type,
                      parentSchema: schema38.properties.targets.items.properties.auth.properties.usernameEnv,
                      data: data9,
                    };
                    if (vErrors === null) {
                      vErrors = [err19];
                    } else {
                      vErrors.push(err19);
                    }
                    errors++;
                  }
                }
                if (data7.passwordEnv !== undefined) {
                  let data10 = data7.passwordEnv;
                  if (typeof data10 === 'string') {
                    if (!pattern8.test(data10)) {
                      const err20 = {
                        instancePath: instancePath + '/targets/' + i0 + '/auth/passwordEnv',
                        schemaPath: '#/properties/targets/items/properties/auth/properties/passwordEnv/pattern',
                        keyword: 'pattern',
                        params: { pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
                        message: 'must match pattern "' + '^[A-Za-z_][A-Za-z0-9_]*$' + '"',
                        schema: '^[A-Za-z_][A-Za-z0-9_]*$',
                        parentSchema: schema38.properties.targets.items.properties.auth.properties.passwordEnv,
                        data: data10,
                      };
                      if (vErrors === null) {
                        vErrors = [err20];
                      } else {
                        vErrors.push(err20);
                      }
                      errors++;
                    }
                  } else {
                    const err21 = {
                      instancePath: instancePath + '/targets/' + i0 + '/auth/passwordEnv',
                      schemaPath: '#/properties/targets/items/properties/auth/properties/passwordEnv/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                      schema: schema38.properties.targets.items.properties.auth.properties.passwordEnv.type,
                      parentSchema: schema38.properties.targets.items.properties.auth.properties.passwordEnv,
                      data: data10,
                    };
                    if (vErrors === null) {
                      vErrors = [err21];
                    } else {
                      vErrors.push(err21);
                    }
                    errors++;
                  }
                }
                if (data7.passwordIsMd5 !== undefined) {
                  let data11 = data7.passwordIsMd5;
                  if (typeof data11 !== 'boolean') {
                    const err22 = {
                      instancePath: instancePath + '/targets/' + i0 + '/auth/passwordIsMd5',
                      schemaPath: '#/properties/targets/items/properties/auth/properties/passwordIsMd5/type',
                      keyword: 'type',
                      params: { type: 'boolean' },
                      message: 'must be boolean',
                      schema: schema38.properties.targets.items.properties.auth.properties.passwordIsMd5.type,
                      parentSchema: schema38.properties.targets.items.properties.auth.properties.passwordIsMd5,
                      data: data11,
                    };
                    if (vErrors === null) {
                      vErrors = [err22];
                    } else {
                      vErrors.push(err22);
                    }
                    errors++;
                  }
                }
                if (data7.oauthKeyEnv !== undefined) {
                  let data12 = data7.oauthKeyEnv;
                  if (typeof data12 === 'string') {
                    if (!pattern8.test(data12)) {
                      const err23 = {
                        instancePath: instancePath + '/targets/' + i0 + '/auth/oauthKeyEnv',
                        schemaPath: '#/properties/targets/items/properties/auth/properties/oauthKeyEnv/pattern',
                        keyword: 'pattern',
                        params: { pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
                        message: 'must match pattern "' + '^[A-Za-z_][A-Za-z0-9_]*$' + '"',
                        schema: '^[A-Za-z_][A-Za-z0-9_]*$',
                        parentSchema: schema38.properties.targets.items.properties.auth.properties.oauthKeyEnv,
                        data: data12,
                      };
                      if (vErrors === null) {
                        vErrors = [err23];
                      } else {
                        vErrors.push(err23);
                      }
                      errors++;
                    }
                  } else {
                    const err24 = {
                      instancePath: instancePath + '/targets/' + i0 + '/auth/oauthKeyEnv',
                      schemaPath: '#/properties/targets/items/properties/auth/properties/oauthKeyEnv/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                      schema: schema38.properties.targets.items.properties.auth.properties.oauthKeyEnv.type,
                      parentSchema: schema38.properties.targets.items.properties.auth.properties.oauthKeyEnv,
                      data: data12,
                    };
                    if (vErrors === null) {
                      vErrors = [err24];
                    } else {
                      vErrors.push(err24);
                    }
                    errors++;
                  }
                }
                if (data7.oauthSecretEnv !== undefined) {
                  let data13 = data7.oauthSecretEnv;
                  if (typeof data13 === 'string') {
                    if (!pattern8.test(data13)) {
                      const err25 = {
                        instancePath: instancePath + '/targets/' + i0 + '/auth/oauthSecretEnv',
                        schemaPath: '#/properties/targets/items/properties/auth/properties/oauthSecretEnv/pattern',
                        keyword: 'pattern',
                        params: { pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
                        message: 'must match pattern "' + '^[A-Za-z_][A-Za-z0-9_]*$' + '"',
                        schema: '^[A-Za-z_][A-Za-z0-9_]*$',
                        parentSchema: schema38.properties.targets.items.properties.auth.properties.oauthSecretEnv,
                        data: data13,
                      };
                      if (vErrors === null) {
                        vErrors = [err25];
                      } else {
                        vErrors.push(err25);
                      }
                      errors++;
                    }
                  } else {
                    const err26 = {
                      instancePath: instancePath + '/targets/' + i0 + '/auth/oauthSecretEnv',
                      schemaPath: '#/properties/targets/items/properties/auth/properties/oauthSecretEnv/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                      schema: schema38.properties.targets.items.properties.auth.properties.oauthSecretEnv.type,
                      parentSchema: schema38.properties.targets.items.properties.auth.properties.oauthSecretEnv,
                      data: data13,
                    };
                    if (vErrors === null) {
                      vErrors = [err26];
                    } else {
                      vErrors.push(err26);
                    }
                    errors++;
                  }
                }
                if (data7.oauthTokenEnv !== undefined) {
                  let data14 = data7.oauthTokenEnv;
                  if (typeof data14 === 'string') {
                    if (!pattern8.test(data14)) {
                      const err27 = {
                        instancePath: instancePath + '/targets/' + i0 + '/auth/oauthTokenEnv',
                        schemaPath: '#/properties/targets/items/properties/auth/properties/oauthTokenEnv/pattern',
                        keyword: 'pattern',
                        params: { pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
                        message: 'must match pattern "' + '^[A-Za-z_][A-Za-z0-9_]*$' + '"',
                        schema: '^[A-Za-z_][A-Za-z0-9_]*$',
                        parentSchema: schema38.properties.targets.items.properties.auth.properties.oauthTokenEnv,
                        data: data14,
                      };
                      if (vErrors === null) {
                        vErrors = [err27];
                      } else {
                        vErrors.push(err27);
                      }
                      errors++;
                    }
                  } else {
                    const err28 = {
                      instancePath: instancePath + '/targets/' + i0 + '/auth/oauthTokenEnv',
                      schemaPath: '#/properties/targets/items/properties/auth/properties/oauthTokenEnv/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                      schema: schema38.properties.targets.items.properties.auth.properties.oauthTokenEnv.type,
                      parentSchema: schema38.properties.targets.items.properties.auth.properties.oauthTokenEnv,
                      data: data14,
                    };
                    if (vErrors === null) {
                      vErrors = [err28];
                    } else {
                      vErrors.push(err28);
                    }
                    errors++;
                  }
                }
              } else {
                const err29 = {
                  instancePath: instancePath + '/targets/' + i0 + '/auth',
                  schemaPath: '#/properties/targets/items/properties/auth/type',
                  keyword: 'type',
                  params: { type: 'object' },
                  message: 'must be object',
                  schema: schema38.properties.targets.items.properties.auth.type,
                  parentSchema: schema38.properties.targets.items.properties.auth,
                  data: data7,
                };
                if (vErrors === null) {
                  vErrors = [err29];
                } else {
                  vErrors.push(err29);
                }
                errors++;
              }
            }
            if (data2.intervalSeconds !== undefined) {
              let data15 = data2.intervalSeconds;
              if (!(typeof data15 == 'number' && !(data15 % 1) && !isNaN(data15) && isFinite(data15))) {
                const err30 = {
                  instancePath: instancePath + '/targets/' + i0 + '/intervalSeconds',
                  schemaPath: '#/properties/targets/items/properties/intervalSeconds/type',
                  keyword: 'type',
                  params: { type: 'integer' },
                  message: 'must be integer',
                  schema: schema38.properties.targets.items.properties.intervalSeconds.type,
                  parentSchema: schema38.properties.targets.items.properties.intervalSeconds,
                  data: data15,
                };
                if (vErrors === null) {
                  vErrors = [err30];
                } else {
                  vErrors.push(err30);
                }
                errors++;
              }
              if (typeof data15 == 'number' && isFinite(data15)) {
                if (data15 > 86400 || isNaN(data15)) {
                  const err31 = {
                    instancePath: instancePath + '/targets/' + i0 + '/intervalSeconds',
                    schemaPath: '#/properties/targets/items/properties/intervalSeconds/maximum',
                    keyword: 'maximum',
                    params: { comparison: '<=', limit: 86400 },
                    message: 'must be <= 86400',
                    schema: 86400,
                    parentSchema: schema38.properties.targets.items.properties.intervalSeconds,
                    data: data15,
                  };
                  if (vErrors === null) {
                    vErrors = [err31];
                  } else {
                    vErrors.push(err31);
                  }
                  errors++;
                }
                if (data15 < 1 || isNaN(data15)) {
                  const err32 = {
                    instancePath: instancePath + '/targets/' + i0 + '/intervalSeconds',
                    schemaPath: '#/properties/targets/items/properties/intervalSeconds/minimum',
                    keyword: 'minimum',
                    params: { comparison: '>=', limit: 1 },
                    message: 'must be >= 1',
                    schema: 1,
                    parentSchema: schema38.properties.targets.items.properties.intervalSeconds,
                    data: data15,
                  };
                  if (vErrors === null) {
                    vErrors = [err32];
                  } else {
                    vErrors.push(err32);
                  }
                  errors++;
                }
              }
            }
            if (data2.notFoundIntervalSeconds !== undefined) {
              let data16 = data2.notFoundIntervalSeconds;
              if (!(typeof data16 == 'number' && !(data16 % 1) && !isNaN(data16) && isFinite(data16))) {
                const err33 = {
                  instancePath: instancePath + '/targets/' + i0 + '/notFoundIntervalSeconds',
                  schemaPath: '#/properties/targets/items/properties/notFoundIntervalSeconds/type',
                  keyword: 'type',
                  params: { type: 'integer' },
                  message: 'must be integer',
                  schema: schema38.properties.targets.items.properties.notFoundIntervalSeconds.type,
                  parentSchema: schema38.properties.targets.items.properties.notFoundIntervalSeconds,
                  data: data16,
                };
                if (vErrors === null) {
                  vErrors = [err33];
                } else {
                  vErrors.push(err33);
                }
                errors++;
              }
              if (typeof data16 == 'number' && isFinite(data16)) {
                if (data16 > 86400 || isNaN(data16)) {
                  const err34 = {
                    instancePath: instancePath + '/targets/' + i0 + '/notFoundIntervalSeconds',
                    schemaPath: '#/properties/targets/items/properties/notFoundIntervalSeconds/maximum',
                    keyword: 'maximum',
                    params: { comparison: '<=', limit: 86400 },
                    message: 'must be <= 86400',
                    schema: 86400,
                    parentSchema: schema38.properties.targets.items.properties.notFoundIntervalSeconds,
                    data: data16,
                  };
                  if (vErrors === null) {
                    vErrors = [err34];
                  } else {
                    vErrors.push(err34);
                  }
                  errors++;
                }
                if (data16 < 1 || isNaN(data16)) {
                  const err35 = {
                    instancePath: instancePath + '/targets/' + i0 + '/notFoundIntervalSeconds',
                    schemaPath: '#/properties/targets/items/properties/notFoundIntervalSeconds/minimum',
                    keyword: 'minimum',
                    params: { comparison: '>=', limit: 1 },
                    message: 'must be >= 1',
                    schema: 1,
                    parentSchema: schema38.properties.targets.items.properties.notFoundIntervalSeconds,
                    data: data16,
                  };
                  if (vErrors === null) {
                    vErrors = [err35];
                  } else {
                    vErrors.push(err35);
                  }
                  errors++;
                }
              }
            }
            if (data2.authIntervalSeconds !== undefined) {
              let data17 = data2.authIntervalSeconds;
              if (!(typeof data17 == 'number' && !(data17 % 1) && !isNaN(data17) && isFinite(data17))) {
                const err36 = {
                  instancePath: instancePath + '/targets/' + i0 + '/authIntervalSeconds',
                  schemaPath: '#/properties/targets/items/properties/authIntervalSeconds/type',
                  keyword: 'type',
                  params: { type: 'integer' },
                  message: 'must be integer',
                  schema: schema38.properties.targets.items.properties.authIntervalSeconds.type,
                  parentSchema: schema38.properties.targets.items.properties.authIntervalSeconds,
                  data: data17,
                };
                if (vErrors === null) {
                  vErrors = [err36];
                } else {
                  vErrors.push(err36);
                }
                errors++;
              }
              if (typeof data17 == 'number' && isFinite(data17)) {
                if (data17 > 86400 || isNaN(data17)) {
                  const err37 = {
                    instancePath: instancePath + '/targets/' + i0 + '/authIntervalSeconds',
                    schemaPath: '#/properties/targets/items/properties/authIntervalSeconds/maximum',
                    keyword: 'maximum',
                    params: { comparison: '<=', limit: 86400 },
                    message: 'must be <= 86400',
                    schema: 86400,
                    parentSchema: schema38.properties.targets.items.properties.authIntervalSeconds,
                    data: data17,
                  };
                  if (vErrors === null) {
                    vErrors = [err37];
                  } else {
                    vErrors.push(err37);
                  }
                  errors++;
                }
                if (data17 < 0 || isNaN(data17)) {
                  const err38 = {
                    instancePath: instancePath + '/targets/' + i0 + '/authIntervalSeconds',
                    schemaPath: '#/properties/targets/items/properties/authIntervalSeconds/minimum',
                    keyword: 'minimum',
                    params: { comparison: '>=', limit: 0 },
                    message: 'must be >= 0',
                    schema: 0,
                    parentSchema: schema38.properties.targets.items.properties.authIntervalSeconds,
                    data: data17,
                  };
                  if (vErrors === null) {
                    vErrors = [err38];
                  } else {
                    vErrors.push(err38);
                  }
                  errors++;
                }
              }
            }
            if (data2.timeoutMs !== undefined) {
              let data18 = data2.timeoutMs;
              if (!(typeof data18 == 'number' && !(data18 % 1) && !isNaN(data18) && isFinite(data18))) {
                const err39 = {
                  instancePath: instancePath + '/targets/' + i0 + '/timeoutMs',
                  schemaPath: '#/properties/targets/items/properties/timeoutMs/type',
                  keyword: 'type',
                  params: { type: 'integer' },
                  message: 'must be integer',
                  schema: schema38.properties.targets.items.properties.timeoutMs.type,
                  parentSchema: schema38.properties.targets.items.properties.timeoutMs,
                  data: data18,
                };
                if (vErrors === null) {
                  vErrors = [err39];
                } else {
                  vErrors.push(err39);
                }
                errors++;
              }
              if (typeof data18 == 'number' && isFinite(data18)) {
                if (data18 > 600000 || isNaN(data18)) {
                  const err40 = {
                    instancePath: instancePath + '/targets/' + i0 + '/timeoutMs',
                    schemaPath: '#/properties/targets/items/properties/timeoutMs/maximum',
                    keyword: 'maximum',
                    params: { comparison: '<=', limit: 600000 },
                    message: 'must be <= 600000',
                    schema: 600000,
                    parentSchema: schema38.properties.targets.items.properties.timeoutMs,
                    data: data18,
                  };
                  if (vErrors === null) {
                    vErrors = [err40];
                  } else {
                    vErrors.push(err40);
                  }
                  errors++;
                }
                if (data18 < 1 || isNaN(data18)) {
                  const err41 = {
                    instancePath: instancePath + '/targets/' + i0 + '/timeoutMs',
                    schemaPath: '#/properties/targets/items/properties/timeoutMs/minimum',
                    keyword: 'minimum',
                    params: { comparison: '>=', limit: 1 },
                    message: 'must be >= 1',
                    schema: 1,
                    parentSchema: schema38.properties.targets.items.properties.timeoutMs,
                    data: data18,
                  };
                  if (vErrors === null) {
                    vErrors = [err41];
                  } else {
                    vErrors.push(err41);
                  }
                  errors++;
                }
              }
            }
            if (data2.latencyBudgetMs !== undefined) {
              let data19 = data2.latencyBudgetMs;
              if (!(typeof data19 == 'number' && !(data19 % 1) && !isNaN(data19) && isFinite(data19))) {
                const err42 = {
                  instancePath: instancePath + '/targets/' + i0 + '/latencyBudgetMs',
                  schemaPath: '#/properties/targets/items/properties/latencyBudgetMs/type',
                  keyword: 'type',
                  params: { type: 'integer' },
                  message: 'must be integer',
                  schema: schema38.properties.targets.items.properties.latencyBudgetMs.type,
                  parentSchema: schema38.properties.targets.items.properties.latencyBudgetMs,
                  data: data19,
                };
                if (vErrors === null) {
                  vErrors = [err42];
                } else {
                  vErrors.push(err42);
                }
                errors++;
              }
              if (typeof data19 == 'number' && isFinite(data19)) {
                if (data19 > 600000 || isNaN(data19)) {
                  const err43 = {
                    instancePath: instancePath + '/targets/' + i0 + '/latencyBudgetMs',
                    schemaPath: '#/properties/targets/items/properties/latencyBudgetMs/maximum',
                    keyword: 'maximum',
                    params: { comparison: '<=', limit: 600000 },
                    message: 'must be <= 600000',
                    schema: 600000,
                    parentSchema: schema38.properties.targets.items.properties.latencyBudgetMs,
                    data: data19,
                  };
                  if (vErrors === null) {
                    vErrors = [err43];
                  } else {
                    vErrors.push(err43);
                  }
                  errors++;
                }
                if (data19 < 1 || isNaN(data19)) {
                  const err44 = {
                    instancePath: instancePath + '/targets/' + i0 + '/latencyBudgetMs',
                    schemaPath: '#/properties/targets/items/properties/latencyBudgetMs/minimum',
                    keyword: 'minimum',
                    params: { comparison: '>=', limit: 1 },
                    message: 'must be >= 1',
                    schema: 1,
                    parentSchema: schema38.properties.targets.items.properties.latencyBudgetMs,
                    data: data19,
                  };
                  if (vErrors === null) {
                    vErrors = [err44];
                  } else {
                    vErrors.push(err44);
                  }
                  errors++;
                }
              }
            }
            if (data2.latencyDegradedMs !== undefined) {
              let data20 = data2.latencyDegradedMs;
              if (!(typeof data20 == 'number' && !(data20 % 1) && !isNaN(data20) && isFinite(data20))) {
                const err45 = {
                  instancePath: instancePath + '/targets/' + i0 + '/latencyDegradedMs',
                  schemaPath: '#/properties/targets/items/properties/latencyDegradedMs/type',
                  keyword: 'type',
                  params: { type: 'integer' },
                  message: 'must be integer',
                  schema: schema38.properties.targets.items.properties.latencyDegradedMs.type,
                  parentSchema: schema38.properties.targets.items.properties.latencyDegradedMs,
                  data: data20,
                };
                if (vErrors === null) {
                  vErrors = [err45];
                } else {
                  vErrors.push(err45);
                }
                errors++;
              }
              if (typeof data20 == 'number' && isFinite(data20)) {
                if (data20 > 600000 || isNaN(data20)) {
                  const err46 = {
                    instancePath: instancePath + '/targets/' + i0 + '/latencyDegradedMs',
                    schemaPath: '#/properties/targets/items/properties/latencyDegradedMs/maximum',
                    keyword: 'maximum',
                    params: { comparison: '<=', limit: 600000 },
                    message: 'must be <= 600000',
                    schema: 600000,
                    parentSchema: schema38.properties.targets.items.properties.latencyDegradedMs,
                    data: data20,
                  };
                  if (vErrors === null) {
                    vErrors = [err46];
                  } else {
                    vErrors.push(err46);
                  }
                  errors++;
                }
                if (data20 < 1 || isNaN(data20)) {
                  const err47 = {
                    instancePath: instancePath + '/targets/' + i0 + '/latencyDegradedMs',
                    schemaPath: '#/properties/targets/items/properties/latencyDegradedMs/minimum',
                    keyword: 'minimum',
                    params: { comparison: '>=', limit: 1 },
                    message: 'must be >= 1',
                    schema: 1,
                    parentSchema: schema38.properties.targets.items.properties.latencyDegradedMs,
                    data: data20,
                  };
                  if (vErrors === null) {
                    vErrors = [err47];
                  } else {
                    vErrors.push(err47);
                  }
                  errors++;
                }
              }
            }
            if (data2.notFoundStatuses !== undefined) {
              let data21 = data2.notFoundStatuses;
              if (Array.isArray(data21)) {
                if (data21.length < 1) {
                  const err48 = {
                    instancePath: instancePath + '/targets/' + i0 + '/notFoundStatuses',
                    schemaPath: '#/properties/targets/items/properties/notFoundStatuses/minItems',
                    keyword: 'minItems',
                    params: { limit: 1 },
                    message: 'must NOT have fewer than 1 items',
                    schema: 1,
                    parentSchema: schema38.properties.targets.items.properties.notFoundStatuses,
                    data: data21,
                  };
                  if (vErrors === null) {
                    vErrors = [err48];
                  } else {
                    vErrors.push(err48);
                  }
                  errors++;
                }
                const len1 = data21.length;
                for (let i1 = 0; i1 < len1; i1++) {
                  let data22 = data21[i1];
                  if (!(typeof data22 == 'number' && !(data22 % 1) && !isNaN(data22) && isFinite(data22))) {
                    const err49 = {
                      instancePath: instancePath + '/targets/' + i0 + '/notFoundStatuses/' + i1,
                      schemaPath: '#/properties/targets/items/properties/notFoundStatuses/items/type',
                      keyword: 'type',
                      params: { type: 'integer' },
                      message: 'must be integer',
                      schema: schema38.properties.targets.items.properties.notFoundStatuses.items.type,
                      parentSchema: schema38.properties.targets.items.properties.notFoundStatuses.items,
                      data: data22,
                    };
                    if (vErrors === null) {
                      vErrors = [err49];
                    } else {
                      vErrors.push(err49);
                    }
                    errors++;
                  }
                  const _errs50 = errors;
                  const _errs51 = errors;
                  if (!(data22 === 401 || data22 === 403 || data22 === 407)) {
                    const err50 = {};
                    if (vErrors === null) {
                      vErrors = [err50];
                    } else {
                      vErrors.push(err50);
                    }
                    errors++;
                  }
                  var valid7 = _errs51 === errors;
                  if (valid7) {
                    const err51 = {
                      instancePath: instancePath + '/targets/' + i0 + '/notFoundStatuses/' + i1,
                      schemaPath: '#/properties/targets/items/properties/notFoundStatuses/items/not',
                      keyword: 'not',
                      params: {},
                      message: 'must NOT be valid',
                      schema: schema38.properties.targets.items.properties.notFoundStatuses.items.not,
                      parentSchema: schema38.properties.targets.items.properties.notFoundStatuses.items,
                      data: data22,
                    };
                    if (vErrors === null) {
                      vErrors = [err51];
                    } else {
                      vErrors.push(err51);
                    }
                    errors++;
                  } else {
                    errors = _errs50;
                    if (vErrors !== null) {
                      if (_errs50) {
                        vErrors.length = _errs50;
                      } else {
                        vErrors = null;
                      }
                    }
                  }
                  if (typeof data22 == 'number' && isFinite(data22)) {
                    if (data22 > 499 || isNaN(data22)) {
                      const err52 = {
                        instancePath: instancePath + '/targets/' + i0 + '/notFoundStatuses/' + i1,
                        schemaPath: '#/properties/targets/items/properties/notFoundStatuses/items/maximum',
                        keyword: 'maximum',
                        params: { comparison: '<=', limit: 499 },
                        message: 'must be <= 499',
                        schema: 499,
                        parentSchema: schema38.properties.targets.items.properties.notFoundStatuses.items,
                        data: data22,
                      };
                      if (vErrors === null) {
                        vErrors = [err52];
                      } else {
                        vErrors.push(err52);
                      }
                      errors++;
                    }
                    if (data22 < 200 || isNaN(data22)) {
                      const err53 = {
                        instancePath: instancePath + '/targets/' + i0 + '/notFoundStatuses/' + i1,
                        schemaPath: '#/properties/targets/items/properties/notFoundStatuses/items/minimum',
                        keyword: 'minimum',
                        params: { comparison: '>=', limit: 200 },
                        message: 'must be >= 200',
                        schema: 200,
                        parentSchema: schema38.properties.targets.items.properties.notFoundStatuses.items,
                        data: data22,
                      };
                      if (vErrors === null) {
                        vErrors = [err53];
                      } else {
                        vErrors.push(err53);
                      }
                      errors++;
                    }
                  }
                }
                let i2 = data21.length;
                let j0;
                if (i2 > 1) {
                  const indices0 = {};
                  for (; i2--;) {
                    let item0 = data21[i2];
                    if (!(typeof item0 == 'number' && !(item0 % 1) && !isNaN(item0) && isFinite(item0))) {
                      continue;
                    }
                    if (typeof indices0[item0] == 'number') {
                      j0 = indices0[item0];
                      const err54 = {
                        instancePath: instancePath + '/targets/' + i0 + '/notFoundStatuses',
                        schemaPath: '#/properties/targets/items/properties/notFoundStatuses/uniqueItems',
                        keyword: 'uniqueItems',
                        params: { i: i2, j: j0 },
                        message: 'must NOT have duplicate items (items ## ' + j0 + ' and ' + i2 + ' are identical)',
                        schema: true,
                        parentSchema: schema38.properties.targets.items.properties.notFoundStatuses,
                        data: data21,
                      };
                      if (vErrors === null) {
                        vErrors = [err54];
                      } else {
                        vErrors.push(err54);
                      }
                      errors++;
                      break;
                    }
                    indices0[item0] = i2;
                  }
                }
              } else {
                const err55 = {
                  instancePath: instancePath + '/targets/' + i0 + '/notFoundStatuses',
                  schemaPath: '#/properties/targets/items/properties/notFoundStatuses/type',
                  keyword: 'type',
                  params: { type: 'array' },
                  message: 'must be array',
                  schema: schema38.properties.targets.items.properties.notFoundStatuses.type,
                  parentSchema: schema38.properties.targets.items.properties.notFoundStatuses,
                  data: data21,
                };
                if (vErrors === null) {
                  vErrors = [err55];
                } else {
                  vErrors.push(err55);
                }
                errors++;
              }
            }
            if (data2.flapping !== undefined) {
              let data23 = data2.flapping;
              if (data23 && typeof data23 == 'object' && !Array.isArray(data23)) {
                if (data23.lowPercent === undefined) {
                  const err56 = {
                    instancePath: instancePath + '/targets/' + i0 + '/flapping',
                    schemaPath: '#/properties/targets/items/properties/flapping/required',
                    keyword: 'required',
                    params: { missingProperty: 'lowPercent' },
                    message: "must have required property '" + 'lowPercent' + "'",
                    schema: schema38.properties.targets.items.properties.flapping.required,
                    parentSchema: schema38.properties.targets.items.properties.flapping,
                    data: data23,
                  };
                  if (vErrors === null) {
                    vErrors = [err56];
                  } else {
                    vErrors.push(err56);
                  }
                  errors++;
                }
                if (data23.highPercent === undefined) {
                  const err57 = {
                    instancePath: instancePath + '/targets/' + i0 + '/flapping',
                    schemaPath: '#/properties/targets/items/properties/flapping/required',
                    keyword: 'required',
                    params: { missingProperty: 'highPercent' },
                    message: "must have required property '" + 'highPercent' + "'",
                    schema: schema38.properties.targets.items.properties.flapping.required,
                    parentSchema: schema38.properties.targets.items.properties.flapping,
                    data: data23,
                  };
                  if (vErrors === null) {
                    vErrors = [err57];
                  } else {
                    vErrors.push(err57);
                  }
                  errors++;
                }
                for (const key3 in data23) {
                  if (!(key3 === 'lowPercent' || key3 === 'highPercent')) {
                    const err58 = {
                      instancePath: instancePath + '/targets/' + i0 + '/flapping',
                      schemaPath: '#/properties/targets/items/properties/flapping/additionalProperties',
                      keyword: 'additionalProperties',
                      params: { additionalProperty: key3 },
                      message: 'must NOT have additional properties',
                      schema: false,
                      parentSchema: schema38.properties.targets.items.properties.flapping,
                      data: data23,
                    };
                    if (vErrors === null) {
                      vErrors = [err58];
                    } else {
                      vErrors.push(err58);
                    }
                    errors++;
                  }
                }
                if (data23.lowPercent !== undefined) {
                  let data24 = data23.lowPercent;
                  if (typeof data24 == 'number' && isFinite(data24)) {
                    if (data24 > 100 || isNaN(data24)) {
                      const err59 = {
                        instancePath: instancePath + '/targets/' + i0 + '/flapping/lowPercent',
                        schemaPath: '#/properties/targets/items/properties/flapping/properties/lowPercent/maximum',
                        keyword: 'maximum',
                        params: { comparison: '<=', limit: 100 },
                        message: 'must be <= 100',
                        schema: 100,
                        parentSchema: schema38.properties.targets.items.properties.flapping.properties.lowPercent,
                        data: data24,
                      };
                      if (vErrors === null) {
                        vErrors = [err59];
                      } else {
                        vErrors.push(err59);
                      }
                      errors++;
                    }
                    if (data24 < 0 || isNaN(data24)) {
                      const err60 = {
                        instancePath: instancePath + '/targets/' + i0 + '/flapping/lowPercent',
                        schemaPath: '#/properties/targets/items/properties/flapping/properties/lowPercent/minimum',
                        keyword: 'minimum',
                        params: { comparison: '>=', limit: 0 },
                        message: 'must be >= 0',
                        schema: 0,
                        parentSchema: schema38.properties.targets.items.properties.flapping.properties.lowPercent,
                        data: data24,
                      };
                      if (vErrors === null) {
                        vErrors = [err60];
                      } else {
                        vErrors.push(err60);
                      }
                      errors++;
                    }
                  } else {
                    const err61 = {
                      instancePath: instancePath + '/targets/' + i0 + '/flapping/lowPercent',
                      schemaPath: '#/properties/targets/items/properties/flapping/properties/lowPercent/type',
                      keyword: 'type',
                      params: { type: 'number' },
                      message: 'must be number',
                      schema: schema38.properties.targets.items.properties.flapping.properties.lowPercent.type,
                      parentSchema: schema38.properties.targets.items.properties.flapping.properties.lowPercent,
                      data: data24,
                    };
                    if (vErrors === null) {
                      vErrors = [err61];
                    } else {
                      vErrors.push(err61);
                    }
                    errors++;
                  }
                }
                if (data23.highPercent !== undefined) {
                  let data25 = data23.highPercent;
                  if (typeof data25 == 'number' && isFinite(data25)) {
                    if (data25 > 100 || isNaN(data25)) {
                      const err62 = {
                        instancePath: instancePath + '/targets/' + i0 + '/flapping/highPercent',
                        schemaPath: '#/properties/targets/items/properties/flapping/properties/highPercent/maximum',
                        keyword: 'maximum',
                        params: { comparison: '<=', limit: 100 },
                        message: 'must be <= 100',
                        schema: 100,
                        parentSchema: schema38.properties.targets.items.properties.flapping.properties.highPercent,
                        data: data25,
                      };
                      if (vErrors === null) {
                        vErrors = [err62];
                      } else {
                        vErrors.push(err62);
                      }
                      errors++;
                    }
                    if (data25 <= 0 || isNaN(data25)) {
                      const err63 = {
                        instancePath: instancePath + '/targets/' + i0 + '/flapping/highPercent',
                        schemaPath: '#/properties/targets/items/properties/flapping/properties/highPercent/exclusiveMinimum',
                        keyword: 'exclusiveMinimum',
                        params: { comparison: '>', limit: 0 },
                        message: 'must be > 0',
                        schema: 0,
                        parentSchema: schema38.properties.targets.items.properties.flapping.properties.highPercent,
                        data: data25,
                      };
                      if (vErrors === null) {
                        vErrors = [err63];
                      } else {
                        vErrors.push(err63);
                      }
                      errors++;
                    }
                  } else {
                    const err64 = {
                      instancePath: instancePath + '/targets/' + i0 + '/flapping/highPercent',
                      schemaPath: '#/properties/targets/items/properties/flapping/properties/highPercent/type',
                      keyword: 'type',
                      params: { type: 'number' },
                      message: 'must be number',
                      schema: schema38.properties.targets.items.properties.flapping.properties.highPercent.type,
                      parentSchema: schema38.properties.targets.items.properties.flapping.properties.highPercent,
                      data: data25,
                    };
                    if (vErrors === null) {
                      vErrors = [err64];
                    } else {
                      vErrors.push(err64);
                    }
                    errors++;
                  }
                }
              } else {
                const err65 = {
                  instancePath: instancePath + '/targets/' + i0 + '/flapping',
                  schemaPath: '#/properties/targets/items/properties/flapping/type',
                  keyword: 'type',
                  params: { type: 'object' },
                  message: 'must be object',
                  schema: schema38.properties.targets.items.properties.flapping.type,
                  parentSchema: schema38.properties.targets.items.properties.flapping,
                  data: data23,
                };
                if (vErrors === null) {
                  vErrors = [err65];
                } else {
                  vErrors.push(err65);
                }
                errors++;
              }
            }
          } else {
            const err66 = {
              instancePath: instancePath + '/targets/' + i0,
              schemaPath: '#/properties/targets/items/type',
              keyword: 'type',
              params: { type: 'object' },
              message: 'must be object',
              schema: schema38.properties.targets.items.type,
              parentSchema: schema38.properties.targets.items,
              data: data2,
            };
            if (vErrors === null) {
              vErrors = [err66];
            } else {
              vErrors.push(err66);
            }
            errors++;
          }
        }
      } else {
        const err67 = {
          instancePath: instancePath + '/targets',
          schemaPath: '#/properties/targets/type',
          keyword: 'type',
          params: { type: 'array' },
          message: 'must be array',
          schema: schema38.properties.targets.type,
          parentSchema: schema38.properties.targets,
          data: data1,
        };
        if (vErrors === null) {
          vErrors = [err67];
        } else {
          vErrors.push(err67);
        }
        errors++;
      }
    }
    if (data.maintenance !== undefined) {
      let data26 = data.maintenance;
      if (Array.isArray(data26)) {
        if (data26.length > 100) {
          const err68 = {
            instancePath: instancePath + '/maintenance',
            schemaPath: '#/properties/maintenance/maxItems',
            keyword: 'maxItems',
            params: { limit: 100 },
            message: 'must NOT have more than 100 items',
            schema: 100,
            parentSchema: schema38.properties.maintenance,
            data: data26,
          };
          if (vErrors === null) {
            vErrors = [err68];
          } else {
            vErrors.push(err68);
          }
          errors++;
        }
        const len2 = data26.length;
        for (let i3 = 0; i3 < len2; i3++) {
          let data27 = data26[i3];
          if (data27 && typeof data27 == 'object' && !Array.isArray(data27)) {
            if (data27.name === undefined) {
              const err69 = {
                instancePath: instancePath + '/maintenance/' + i3,
                schemaPath: '#/properties/maintenance/items/required',
                keyword: 'required',
                params: { missingProperty: 'name' },
                message: "must have required property '" + 'name' + "'",
                schema: schema38.properties.maintenance.items.required,
                parentSchema: schema38.properties.maintenance.items,
                data: data27,
              };
              if (vErrors === null) {
                vErrors = [err69];
              } else {
                vErrors.push(err69);
              }
              errors++;
            }
            for (const key4 in data27) {
              if (!(
                key4 === 'name' ||
                key4 === 'reason' ||
                key4 === 'targets' ||
                key4 === 'start' ||
                key4 === 'end' ||
                key4 === 'cron' ||
                key4 === 'duration' ||
                key4 === 'timeZone'
              )) {
                const err70 = {
                  instancePath: instancePath + '/maintenance/' + i3,
                  schemaPath: '#/properties/maintenance/items/additionalProperties',
                  keyword: 'additionalProperties',
                  params: { additionalProperty: key4 },
                  message: 'must NOT have additional properties',
                  schema: false,
                  parentSchema: schema38.properties.maintenance.items,
                  data: data27,
                };
                if (vErrors === null) {
                  vErrors = [err70];
                } else {
                  vErrors.push(err70);
                }
                errors++;
              }
            }
            if (data27.name !== undefined) {
              let data28 = data27.name;
              if (typeof data28 === 'string') {
                if (data28.length < 1) {
                  const err71 = {
                    instancePath: instancePath + '/maintenance/' + i3 + '/name',
                    schemaPath: '#/properties/maintenance/items/properties/name/minLength',
                    keyword: 'minLength',
                    params: { limit: 1 },
                    message: 'must NOT have fewer than 1 characters',
                    schema: 1,
                    parentSchema: schema38.properties.maintenance.items.properties.name,
                    data: data28,
                  };
                  if (vErrors === null) {
                    vErrors = [err71];
                  } else {
                    vErrors.push(err71);
                  }
                  errors++;
                }
                if (!pattern13.test(data28)) {
                  const err72 = {
                    instancePath: instancePath + '/maintenance/' + i3 + '/name',
                    schemaPath: '#/properties/maintenance/items/properties/name/pattern',
                    keyword: 'pattern',
                    params: { pattern: '^[^\\u0000-\\u001f\\u007f]{1,80}$' },
                    message: 'must match pattern "' + '^[^\\u0000-\\u001f\\u007f]{1,80}$' + '"',
                    schema: '^[^\\u0000-\\u001f\\u007f]{1,80}$',
                    parentSchema: schema38.properties.maintenance.items.properties.name,
                    data: data28,
                  };
                  if (vErrors === null) {
                    vErrors = [err72];
                  } else {
                    vErrors.push(err72);
                  }
                  errors++;
                }
              } else {
                const err73 = {
                  instancePath: instancePath + '/maintenance/' + i3 + '/name',
                  schemaPath: '#/properties/maintenance/items/properties/name/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                  schema: schema38.properties.maintenance.items.properties.name.type,
                  parentSchema: schema38.properties.maintenance.items.properties.name,
                  data: data28,
                };
                if (vErrors === null) {
                  vErrors = [err73];
                } else {
                  vErrors.push(err73);
                }
                errors++;
              }
            }
            if (data27.reason !== undefined) {
              let data29 = data27.reason;
              if (typeof data29 !== 'string') {
                const err74 = {
                  instancePath: instancePath + '/maintenance/' + i3 + '/reason',
                  schemaPath: '#/properties/maintenance/items/properties/reason/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                  schema: schema38.properties.maintenance.items.properties.reason.type,
                  parentSchema: schema38.properties.maintenance.items.properties.reason,
                  data: data29,
                };
                if (vErrors === null) {
                  vErrors = [err74];
                } else {
                  vErrors.push(err74);
                }
                errors++;
              }
            }
            if (data27.targets !== undefined) {
              let data30 = data27.targets;
              if (Array.isArray(data30)) {
                if (data30.length < 1) {
                  const err75 = {
                    instancePath: instancePath + '/maintenance/' + i3 + '/targets',
                    schemaPath: '#/properties/maintenance/items/properties/targets/minItems',
                    keyword: 'minItems',
                    params: { limit: 1 },
                    message: 'must NOT have fewer than 1 items',
                    schema: 1,
                    parentSchema: schema38.properties.maintenance.items.properties.targets,
                    data: data30,
                  };
                  if (vErrors === null) {
                    vErrors = [err75];
                  } else {
                    vErrors.push(err75);
                  }
                  errors++;
                }
                const len3 = data30.length;
                for (let i4 = 0; i4 < len3; i4++) {
                  let data31 = data30[i4];
                  if (typeof data31 === 'string') {
                    if (!pattern5.test(data31)) {
                      const err76 = {
                        instancePath: instancePath + '/maintenance/' + i3 + '/targets/' + i4,
                        schemaPath: '#/properties/maintenance/items/properties/targets/items/pattern',
                        keyword: 'pattern',
                        params: { pattern: '^[a-z0-9_-]{1,40}$' },
                        message: 'must match pattern "' + '^[a-z0-9_-]{1,40}$' + '"',
                        schema: '^[a-z0-9_-]{1,40}$',
                        parentSchema: schema38.properties.maintenance.items.properties.targets.items,
                        data: data31,
                      };
                      if (vErrors === null) {
                        vErrors = [err76];
                      } else {
                        vErrors.push(err76);
                      }
                      errors++;
                    }
                  } else {
                    const err77 = {
                      instancePath: instancePath + '/maintenance/' + i3 + '/targets/' + i4,
                      schemaPath: '#/properties/maintenance/items/properties/targets/items/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                      schema: schema38.properties.maintenance.items.properties.targets.items.type,
                      parentSchema: schema38.properties.maintenance.items.properties.targets.items,
                      data: data31,
                    };
                    if (vErrors === null) {
                      vErrors = [err77];
                    } else {
                      vErrors.push(err77);
                    }
                    errors++;
                  }
                }
                let i5 = data30.length;
                let j1;
                if (i5 > 1) {
                  const indices1 = {};
                  for (; i5--;) {
                    let item1 = data30[i5];
                    if (typeof item1 !== 'string') {
                      continue;
                    }
                    if (typeof indices1[item1] == 'number') {
                      j1 = indices1[item1];
                      const err78 = {
                        instancePath: instancePath + '/maintenance/' + i3 + '/targets',
                        schemaPath: '#/properties/maintenance/items/properties/targets/uniqueItems',
                        keyword: 'uniqueItems',
                        params: { i: i5, j: j1 },
                        message: 'must NOT have duplicate items (items ## ' + j1 + ' and ' + i5 + ' are identical)',
                        schema: true,
                        parentSchema: schema38.properties.maintenance.items.properties.targets,
                        data: data30,
                      };
                      if (vErrors === null) {
                        vErrors = [err78];
                      } else {
                        vErrors.push(err78);
                      }
                      errors++;
                      break;
                    }
                    indices1[item1] = i5;
                  }
                }
              } else {
                const err79 = {
                  instancePath: instancePath + '/maintenance/' + i3 + '/targets',
                  schemaPath: '#/properties/maintenance/items/properties/targets/type',
                  keyword: 'type',
                  params: { type: 'array' },
                  message: 'must be array',
                  schema: schema38.properties.maintenance.items.properties.targets.type,
                  parentSchema: schema38.properties.maintenance.items.properties.targets,
                  data: data30,
                };
                if (vErrors === null) {
                  vErrors = [err79];
                } else {
                  vErrors.push(err79);
                }
                errors++;
              }
            }
            if (data27.start !== undefined) {
              let data32 = data27.start;
              if (typeof data32 === 'string') {
                if (!formats0.validate(data32)) {
                  const err80 = {
                    instancePath: instancePath + '/maintenance/' + i3 + '/start',
                    schemaPath: '#/properties/maintenance/items/properties/start/format',
                    keyword: 'format',
                    params: { format: 'date-time' },
                    message: 'must match format "' + 'date-time' + '"',
                    schema: 'date-time',
                    parentSchema: schema38.properties.maintenance.items.properties.start,
                    data: data32,
                  };
                  if (vErrors === null) {
                    vErrors = [err80];
                  } else {
                    vErrors.push(err80);
                  }
                  errors++;
                }
              } else {
                const err81 = {
                  instancePath: instancePath + '/maintenance/' + i3 + '/start',
                  schemaPath: '#/properties/maintenance/items/properties/start/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                  schema: schema38.properties.maintenance.items.properties.start.type,
                  parentSchema: schema38.properties.maintenance.items.properties.start,
                  data: data32,
                };
                if (vErrors === null) {
                  vErrors = [err81];
                } else {
                  vErrors.push(err81);
                }
                errors++;
              }
            }
            if (data27.end !== undefined) {
              let data33 = data27.end;
              if (typeof data33 === 'string') {
                if (!formats0.validate(data33)) {
                  const err82 = {
                    instancePath: instancePath + '/maintenance/' + i3 + '/end',
                    schemaPath: '#/properties/maintenance/items/properties/end/format',
                    keyword: 'format',
                    params: { format: 'date-time' },
                    message: 'must match format "' + 'date-time' + '"',
                    schema: 'date-time',
                    parentSchema: schema38.properties.maintenance.items.properties.end,
                    data: data33,
                  };
                  if (vErrors === null) {
                    vErrors = [err82];
                  } else {
                    vErrors.push(err82);
                  }
                  errors++;
                }
              } else {
                const err83 = {
                  instancePath: instancePath + '/maintenance/' + i3 + '/end',
                  schemaPath: '#/properties/maintenance/items/properties/end/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                  schema: schema38.properties.maintenance.items.properties.end.type,
                  parentSchema: schema38.properties.maintenance.items.properties.end,
                  data: data33,
                };
                if (vErrors === null) {
                  vErrors = [err83];
                } else {
                  vErrors.push(err83);
                }
                errors++;
              }
            }
            if (data27.cron !== undefined) {
              let data34 = data27.cron;
              if (typeof data34 === 'string') {
                if (data34.length < 1) {
                  const err84 = {
                    instancePath: instancePath + '/maintenance/' + i3 + '/cron',
                    schemaPath: '#/properties/maintenance/items/properties/cron/minLength',
                    keyword: 'minLength',
                    params: { limit: 1 },
                    message: 'must NOT have fewer than 1 characters',
                    schema: 1,
                    parentSchema: schema38.properties.maintenance.items.properties.cron,
                    data: data34,
                  };
                  if (vErrors === null) {
                    vErrors = [err84];
                  } else {
                    vErrors.push(err84);
                  }
                  errors++;
                }
              } else {
                const err85 = {
                  instancePath: instancePath + '/maintenance/' + i3 + '/cron',
                  schemaPath: '#/properties/maintenance/items/properties/cron/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                  schema: schema38.properties.maintenance.items.properties.cron.type,
                  parentSchema: schema38.properties.maintenance.items.properties.cron,
                  data: data34,
                };
                if (vErrors === null) {
                  vErrors = [err85];
                } else {
                  vErrors.push(err85);
                }
                errors++;
              }
            }
            if (data27.duration !== undefined) {
              let data35 = data27.duration;
              if (typeof data35 === 'string') {
                if (data35.length < 1) {
                  const err86 = {
                    instancePath: instancePath + '/maintenance/' + i3 + '/duration',
                    schemaPath: '#/properties/maintenance/items/properties/duration/minLength',
                    keyword: 'minLength',
                    params: { limit: 1 },
                    message: 'must NOT have fewer than 1 characters',
                    schema: 1,
                    parentSchema: schema38.properties.maintenance.items.properties.duration,
                    data: data35,
                  };
                  if (vErrors === null) {
                    vErrors = [err86];
                  } else {
                    vErrors.push(err86);
                  }
                  errors++;
                }
                if (!pattern15.test(data35)) {
                  const err87 = {
                    instancePath: instancePath + '/maintenance/' + i3 + '/duration',
                    schemaPath: '#/properties/maintenance/items/properties/duration/pattern',
                    keyword: 'pattern',
                    params: { pattern: '^([1-9][0-9]{0,2}d)?([0-9]{1,3}h)?([0-9]{1,4}m)?$' },
                    message: 'must match pattern "' + '^([1-9][0-9]{0,2}d)?([0-9]{1,3}h)?([0-9]{1,4}m)?$' + '"',
                    schema: '^([1-9][0-9]{0,2}d)?([0-9]{1,3}h)?([0-9]{1,4}m)?$',
                    parentSchema: schema38.properties.maintenance.items.properties.duration,
                    data: data35,
                  };
                  if (vErrors === null) {
                    vErrors = [err87];
                  } else {
                    vErrors.push(err87);
                  }
                  errors++;
                }
              } else {
                const err88 = {
                  instancePath: instancePath + '/maintenance/' + i3 + '/duration',
                  schemaPath: '#/properties/maintenance/items/properties/duration/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                  schema: schema38.properties.maintenance.items.properties.duration.type,
                  parentSchema: schema38.properties.maintenance.items.properties.duration,
                  data: data35,
                };
                if (vErrors === null) {
                  vErrors = [err88];
                } else {
                  vErrors.push(err88);
                }
                errors++;
              }
            }
            if (data27.timeZone !== undefined) {
              let data36 = data27.timeZone;
              if (typeof data36 === 'string') {
                if (data36.length < 1) {
                  const err89 = {
                    instancePath: instancePath + '/maintenance/' + i3 + '/timeZone',
                    schemaPath: '#/properties/maintenance/items/properties/timeZone/minLength',
                    keyword: 'minLength',
                    params: { limit: 1 },
                    message: 'must NOT have fewer than 1 characters',
                    schema: 1,
                    parentSchema: schema38.properties.maintenance.items.properties.timeZone,
                    data: data36,
                  };
                  if (vErrors === null) {
                    vErrors = [err89];
                  } else {
                    vErrors.push(err89);
                  }
                  errors++;
                }
              } else {
                const err90 = {
                  instancePath: instancePath + '/maintenance/' + i3 + '/timeZone',
                  schemaPath: '#/properties/maintenance/items/properties/timeZone/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                  schema: schema38.properties.maintenance.items.properties.timeZone.type,
                  parentSchema: schema38.properties.maintenance.items.properties.timeZone,
                  data: data36,
                };
                if (vErrors === null) {
                  vErrors = [err90];
                } else {
                  vErrors.push(err90);
                }
                errors++;
              }
            }
          } else {
            const err91 = {
              instancePath: instancePath + '/maintenance/' + i3,
              schemaPath: '#/properties/maintenance/items/type',
              keyword: 'type',
              params: { type: 'object' },
              message: 'must be object',
              schema: schema38.properties.maintenance.items.type,
              parentSchema: schema38.properties.maintenance.items,
              data: data27,
            };
            if (vErrors === null) {
              vErrors = [err91];
            } else {
              vErrors.push(err91);
            }
            errors++;
          }
        }
      } else {
        const err92 = {
          instancePath: instancePath + '/maintenance',
          schemaPath: '#/properties/maintenance/type',
          keyword: 'type',
          params: { type: 'array' },
          message: 'must be array',
          schema: schema38.properties.maintenance.type,
          parentSchema: schema38.properties.maintenance,
          data: data26,
        };
        if (vErrors === null) {
          vErrors = [err92];
        } else {
          vErrors.push(err92);
        }
        errors++;
      }
    }
  } else {
    const err93 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
      schema: schema38.type,
      parentSchema: schema38,
      data,
    };
    if (vErrors === null) {
      vErrors = [err93];
    } else {
      vErrors.push(err93);
    }
    errors++;
  }
  validate24.errors = vErrors;
  return errors === 0;
}
validate24.evaluated = { props: true, dynamicProps: false, dynamicItems: false };
export const pagination = validate25;
function validate25(data, { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  /*# sourceURL="strict/pagination.schema.json" */ let vErrors = null;
  let errors = 0;
  const evaluated0 = validate25.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = undefined;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = undefined;
  }
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.limit === undefined) {
      const err0 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'limit' },
        message: "must have required property '" + 'limit' + "'",
        schema: schema34.required,
        parentSchema: schema34,
        data,
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.offset === undefined) {
      const err1 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'offset' },
        message: "must have required property '" + 'offset' + "'",
        schema: schema34.required,
        parentSchema: schema34,
        data,
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.total === undefined) {
      const err2 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'total' },
        message: "must have required property '" + 'total' + "'",
        schema: schema34.required,
        parentSchema: schema34,
        data,
      };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === 'limit' || key0 === 'offset' || key0 === 'total')) {
        const err3 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
          schema: false,
          parentSchema: schema34,
          data,
        };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.limit !== undefined) {
      let data0 = data.limit;
      if (!(typeof data0 == 'number' && !(data0 % 1) && !isNaN(data0) && isFinite(data0))) {
        const err4 = {
          instancePath: instancePath + '/limit',
          schemaPath: '#/properties/limit/type',
          keyword: 'type',
          params: { type: 'integer' },
          message: 'must be integer',
          schema: schema34.properties.limit.type,
          parentSchema: schema34.properties.limit,
          data: data0,
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.offset !== undefined) {
      let data1 = data.offset;
      if (!(typeof data1 == 'number' && !(data1 % 1) && !isNaN(data1) && isFinite(data1))) {
        const err5 = {
          instancePath: instancePath + '/offset',
          schemaPath: '#/properties/offset/type',
          keyword: 'type',
          params: { type: 'integer' },
          message: 'must be integer',
          schema: schema34.properties.offset.type,
          parentSchema: schema34.properties.offset,
          data: data1,
        };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.total !== undefined) {
      let data2 = data.total;
      if (!(typeof data2 == 'number' && !(data2 % 1) && !isNaN(data2) && isFinite(data2))) {
        const err6 = {
          instancePath: instancePath + '/total',
          schemaPath: '#/properties/total/type',
          keyword: 'type',
          params: { type: 'integer' },
          message: 'must be integer',
          schema: schema34.properties.total.type,
          parentSchema: schema34.properties.total,
          data: data2,
        };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
  } else {
    const err7 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
      schema: schema34.type,
      parentSchema: schema34,
      data,
    };
    if (vErrors === null) {
      vErrors = [err7];
    } else {
      vErrors.push(err7);
    }
    errors++;
  }
  validate25.errors = vErrors;
  return errors === 0;
}
validate25.evaluated = { props: true, dynamicProps: false, dynamicItems: false };
export const sloSpec = validate26;
const schema40 = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'strict/slo-spec.schema.json',
  title: 'SloSpec',
  description:
    "Service level objectives in Sloth's prometheus/v1 format (https://sloth.dev), the subset this project reads: each SLO's SLI as error and total event queries with a {{.window}} placeholder, an objective in percent, and page/ticket alert labels. `npm run slo` (scripts/generate-slo-rules.ts) turns it into Prometheus recording and alerting rules.",
  type: 'object',
  required: ['version', 'service', 'slos'],
  additionalProperties: false,
  properties: {
    version: { const: 'prometheus/v1', description: "Sloth's spec version." },
    service: {
      type: 'string',
      pattern: '^[a-z0-9][a-z0-9_-]{0,62}$',
      description: 'The service the SLOs belong to: the sloth_service label of every generated series.',
    },
    labels: {
      type: 'object',
      additionalProperties: { type: 'string' },
      description: 'Labels added to every generated series and alert.',
    },
    slos: {
      type: 'array',
      minItems: 1,
      items: {
        title: 'SloSpecObjective',
        type: 'object',
        required: ['name', 'objective', 'sli', 'alerting'],
        additionalProperties: false,
        properties: {
          name: {
            type: 'string',
            pattern: '^[a-z0-9][a-z0-9_-]{0,62}$',
            description: "The SLO's name: the sloth_slo label; unique in the file.",
          },
          objective: {
            type: 'number',
            exclusiveMinimum: 0,
            exclusiveMaximum: 100,
            description: 'Target percentage of good events over the SLO window (30 days), e.g. 99.9.',
          },
          description: { type: 'string', description: 'For people.' },
          labels: {
            type: 'object',
            additionalProperties: { type: 'string' },
            description: "Labels added to this SLO's series and alerts.",
          },
          sli: {
            type: 'object',
            required: ['events'],
            additionalProperties: false,
            properties: {
              events: {
                type: 'object',
                required: ['error_query', 'total_query'],
                additionalProperties: false,
                properties: {
                  error_query: {
                    type: 'string',
                    minLength: 1,
                    description:
                      'PromQL for the rate of bad events over {{.window}}, grouped by target (and location, when the fleet reports several).',
                  },
                  total_query: {
                    type: 'string',
                    minLength: 1,
                    description: 'PromQL for the rate of all events over {{.window}}, grouped like error_query.',
                  },
                },
              },
            },
          },
          alerting: {
            type: 'object',
            required: ['name'],
            additionalProperties: false,
            properties: {
              name: {
                type: 'string',
                pattern: '^[A-Za-z_][A-Za-z0-9_]*$',
                description: 'The alert name, shared by the page and the ticket alert (they differ by labels).',
              },
              labels: { type: 'object', additionalProperties: { type: 'string' } },
              annotations: { type: 'object', additionalProperties: { type: 'string' } },
              page_alert: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  labels: { type: 'object', additionalProperties: { type: 'string' } },
                  annotations: { type: 'object', additionalProperties: { type: 'string' } },
                },
              },
              ticket_alert: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  labels: { type: 'object', additionalProperties: { type: 'string' } },
                  annotations: { type: 'object', additionalProperties: { type: 'string' } },
                },
              },
            },
          },
        },
      },
    },
  },
};
const pattern16 = func0('^[a-z0-9][a-z0-9_-]{0,62}$', 'u');
function validate26(data, { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  /*# sourceURL="strict/slo-spec.schema.json" */ let vErrors = null;
  let errors = 0;
  const evaluated0 = validate26.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = undefined;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = undefined;
  }
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.version === undefined) {
      const err0 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'version' },
        message: "must have required property '" + 'version' + "'",
        schema: schema40.required,
        parentSchema: schema40,
        data,
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.service === undefined) {
      const err1 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'service' },
        message: "must have required property '" + 'service' + "'",
        schema: schema40.required,
        parentSchema: schema40,
        data,
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.slos === undefined) {
      const err2 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'slos' },
        message: "must have required property '" + 'slos' + "'",
        schema: schema40.required,
        parentSchema: schema40,
        data,
      };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === 'version' || key0 === 'service' || key0 === 'labels' || key0 === 'slos')) {
        const err3 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
          schema: false,
          parentSchema: schema40,
          data,
        };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.version !== undefined) {
      let data0 = data.version;
      if ('prometheus/v1' !== data0) {
        const err4 = {
          instancePath: instancePath + '/version',
          schemaPath: '#/properties/version/const',
          keyword: 'const',
          params: { allowedValue: 'prometheus/v1' },
          message: 'must be equal to constant',
          schema: 'prometheus/v1',
          parentSchema: schema40.properties.version,
          data: data0,
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.service !== undefined) {
      let data1 = data.service;
      if (typeof data1 === 'string') {
        if (!pattern16.test(data1)) {
          const err5 = {
            instancePath: instancePath + '/service',
            schemaPath: '#/properties/service/pattern',
            keyword: 'pattern',
            params: { pattern: '^[a-z0-9][a-z0-9_-]{0,62}$' },
            message: 'must match pattern "' + '^[a-z0-9][a-z0-9_-]{0,62}$' + '"',
            schema: '^[a-z0-9][a-z0-9_-]{0,62}$',
            parentSchema: schema40.properties.service,
            data: data1,
          };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
      } else {
        const err6 = {
          instancePath: instancePath + '/service',
          schemaPath: '#/properties/service/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema40.properties.service.type,
          parentSchema: schema40.properties.service,
          data: data1,
        };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.labels !== undefined) {
      let data2 = data.labels;
      if (data2 && typeof data2 == 'object' && !Array.isArray(data2)) {
        for (const key1 in data2) {
          let data3 = data2[key1];
          if (typeof data3 !== 'string') {
            const err7 = {
              instancePath: instancePath + '/labels/' + key1.replace(/~/g, '~0').replace(/\//g, '~1'),
              schemaPath: '#/properties/labels/additionalProperties/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
              schema: schema40.properties.labels.additionalProperties.type,
              parentSchema: schema40.properties.labels.additionalProperties,
              data: data3,
            };
            if (vErrors === null) {
              vErrors = [err7];
            } else {
              vErrors.push(err7);
            }
            errors++;
          }
        }
      } else {
        const err8 = {
          instancePath: instancePath + '/labels',
          schemaPath: '#/properties/labels/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
          schema: schema40.properties.labels.type,
          parentSchema: schema40.properties.labels,
          data: data2,
        };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.slos !== undefined) {
      let data4 = data.slos;
      if (Array.isArray(data4)) {
        if (data4.length < 1) {
          const err9 = {
            instancePath: instancePath + '/slos',
            schemaPath: '#/properties/slos/minItems',
            keyword: 'minItems',
            params: { limit: 1 },
            message: 'must NOT have fewer than 1 items',
            schema: 1,
            parentSchema: schema40.properties.slos,
            data: data4,
          };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
        const len0 = data4.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data5 = data4[i0];
          if (data5 && typeof data5 == 'object' && !Array.isArray(data5)) {
            if (data5.name === undefined) {
              const err10 = {
                instancePath: instancePath + '/slos/' + i0,
                schemaPath: '#/properties/slos/items/required',
                keyword: 'required',
                params: { missingProperty: 'name' },
                message: "must have required property '" + 'name' + "'",
                schema: schema40.properties.slos.items.required,
                parentSchema: schema40.properties.slos.items,
                data: data5,
              };
              if (vErrors === null) {
                vErrors = [err10];
              } else {
                vErrors.push(err10);
              }
              errors++;
            }
            if (data5.objective === undefined) {
              const err11 = {
                instancePath: instancePath + '/slos/' + i0,
                schemaPath: '#/properties/slos/items/required',
                keyword: 'required',
                params: { missingProperty: 'objective' },
                message: "must have required property '" + 'objective' + "'",
                schema: schema40.properties.slos.items.required,
                parentSchema: schema40.properties.slos.items,
                data: data5,
              };
              if (vErrors === null) {
                vErrors = [err11];
              } else {
                vErrors.push(err11);
              }
              errors++;
            }
            if (data5.sli === undefined) {
              const err12 = {
                instancePath: instancePath + '/slos/' + i0,
                schemaPath: '#/properties/slos/items/required',
                keyword: 'required',
                params: { missingProperty: 'sli' },
                message: "must have required property '" + 'sli' + "'",
                schema: schema40.properties.slos.items.required,
                parentSchema: schema40.properties.slos.items,
                data: data5,
              };
              if (vErrors === null) {
                vErrors = [err12];
              } else {
                vErrors.push(err12);
              }
              errors++;
            }
            if (data5.alerting === undefined) {
              const err13 = {
                instancePath: instancePath + '/slos/' + i0,
                schemaPath: '#/properties/slos/items/required',
                keyword: 'required',
                params: { missingProperty: 'alerting' },
                message: "must have required property '" + 'alerting' + "'",
                schema: schema40.properties.slos.items.required,
                parentSchema: schema40.properties.slos.items,
                data: data5,
              };
              if (vErrors === null) {
                vErrors = [err13];
              } else {
                vErrors.push(err13);
              }
              errors++;
            }
            for (const key2 in data5) {
              if (!(
                key2 === 'name' ||
                key2 === 'objective' ||
                key2 === 'description' ||
                key2 === 'labels' ||
                key2 === 'sli' ||
                key2 === 'alerting'
              )) {
                const err14 = {
                  instancePath: instancePath + '/slos/' + i0,
                  schemaPath: '#/properties/slos/items/additionalProperties',
                  keyword: 'additionalProperties',
                  params: { additionalProperty: key2 },
                  message: 'must NOT have additional properties',
                  schema: false,
                  parentSchema: schema40.properties.slos.items,
                  data: data5,
                };
                if (vErrors === null) {
                  vErrors = [err14];
                } else {
                  vErrors.push(err14);
                }
                errors++;
              }
            }
            if (data5.name !== undefined) {
              let data6 = data5.name;
              if (typeof data6 === 'string') {
                if (!pattern16.test(data6)) {
                  const err15 = {
                    instancePath: instancePath + '/slos/' + i0 + '/name',
                    schemaPath: '#/properties/slos/items/properties/name/pattern',
                    keyword: 'pattern',
                    params: { pattern: '^[a-z0-9][a-z0-9_-]{0,62}$' },
                    message: 'must match pattern "' + '^[a-z0-9][a-z0-9_-]{0,62}$' + '"',
                    schema: '^[a-z0-9][a-z0-9_-]{0,62}$',
                    parentSchema: schema40.properties.slos.items.properties.name,
                    data: data6,
                  };
                  if (vErrors === null) {
                    vErrors = [err15];
                  } else {
                    vErrors.push(err15);
                  }
                  errors++;
                }
              } else {
                const err16 = {
                  instancePath: instancePath + '/slos/' + i0 + '/name',
                  schemaPath: '#/properties/slos/items/properties/name/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                  schema: schema40.properties.slos.items.properties.name.type,
                  parentSchema: schema40.properties.slos.items.properties.name,
                  data: data6,
                };
                if (vErrors === null) {
                  vErrors = [err16];
                } else {
                  vErrors.push(err16);
                }
                errors++;
              }
            }
            if (data5.objective !== undefined) {
              let data7 = data5.objective;
              if (typeof data7 == 'number' && isFinite(data7)) {
                if (data7 >= 100 || isNaN(data7)) {
                  const err17 = {
                    instancePath: instancePath + '/slos/' + i0 + '/objective',
                    schemaPath: '#/properties/slos/items/properties/objective/exclusiveMaximum',
                    keyword: 'exclusiveMaximum',
                    params: { comparison: '<', limit: 100 },
                    message: 'must be < 100',
                    schema: 100,
                    parentSchema: schema40.properties.slos.items.properties.objective,
                    data: data7,
                  };
                  if (vErrors === null) {
                    vErrors = [err17];
                  } else {
                    vErrors.push(err17);
                  }
                  errors++;
                }
                if (data7 <= 0 || isNaN(data7)) {
                  const err18 = {
                    instancePath: instancePath + '/slos/' + i0 + '/objective',
                    schemaPath: '#/properties/slos/items/properties/objective/exclusiveMinimum',
                    keyword: 'exclusiveMinimum',
                    params: { comparison: '>', limit: 0 },
                    message: 'must be > 0',
                    schema: 0,
                    parentSchema: schema40.properties.slos.items.properties.objective,
                    data: data7,
                  };
                  if (vErrors === null) {
                    vErrors = [err18];
                  } else {
                    vErrors.push(err18);
                  }
                  errors++;
                }
              } else {
                const err19 = {
                  instancePath: instancePath + '/slos/' + i0 + '/objective',
                  schemaPath: '#/properties/slos/items/properties/objective/type',
                  keyword: 'type',
                  params: { type: 'number' },
                  message: 'must be number',
                  schema: schema40.properties.slos.items.properties.objective.type,
                  parentSchema: schema40.properties.slos.items.properties.objective,
                  data: data7,
                };
                if (vErrors === null) {
                  vErrors = [err19];
                } else {
                  vErrors.push(err19);
                }
                errors++;
              }
            }
            if (data5.description !== undefined) {
              let data8 = data5.description;
              if (typeof data8 !== 'string') {
                const err20 = {
                  instancePath: instancePath + '/slos/' + i0 + '/description',
                  schemaPath: '#/properties/slos/items/properties/description/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                  schema: schema40.properties.slos.items.properties.description.type,
                  parentSchema: schema40.properties.slos.items.properties.description,
                  data: data8,
                };
                if (vErrors === null) {
                  vErrors = [err20];
                } else {
                  vErrors.push(err20);
                }
                errors++;
              }
            }
            if (data5.labels !== undefined) {
              let data9 = data5.labels;
              if (data9 && typeof data9 == 'object' && !Array.isArray(data9)) {
                for (const key3 in data9) {
                  let data10 = data9[key3];
                  if (typeof data10 !== 'string') {
                    const err21 = {
                      instancePath: instancePath + '/slos/' + i0 + '/labels/' + key3.replace(/~/g, '~0').replace(/\//g, '~1'),
                      schemaPath: '#/properties/slos/items/properties/labels/additionalProperties/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                      schema: schema40.properties.slos.items.properties.labels.additionalProperties.type,
                      parentSchema: schema40.properties.slos.items.properties.labels.additionalProperties,
                      data: data10,
                    };
                    if (vErrors === null) {
                      vErrors = [err21];
                    } else {
                      vErrors.push(err21);
                    }
                    errors++;
                  }
                }
              } else {
                const err22 = {
                  instancePath: instancePath + '/slos/' + i0 + '/labels',
                  schemaPath: '#/properties/slos/items/properties/labels/type',
                  keyword: 'type',
                  params: { type: 'object' },
                  message: 'must be object',
                  schema: schema40.properties.slos.items.properties.labels.type,
                  parentSchema: schema40.properties.slos.items.properties.labels,
                  data: data9,
                };
                if (vErrors === null) {
                  vErrors = [err22];
                } else {
                  vErrors.push(err22);
                }
                errors++;
              }
            }
            if (data5.sli !== undefined) {
              let data11 = data5.sli;
              if (data11 && typeof data11 == 'object' && !Array.isArray(data11)) {
                if (data11.events === undefined) {
                  const err23 = {
                    instancePath: instancePath + '/slos/' + i0 + '/sli',
                    schemaPath: '#/properties/slos/items/properties/sli/required',
                    keyword: 'required',
                    params: { missingProperty: 'events' },
                    message: "must have required property '" + 'events' + "'",
                    schema: schema40.properties.slos.items.properties.sli.required,
                    parentSchema: schema40.properties.slos.items.properties.sli,
                    data: data11,
                  };
                  if (vErrors === null) {
                    vErrors = [err23];
                  } else {
                    vErrors.push(err23);
                  }
                  errors++;
                }
                for (const key4 in data11) {
                  if (!(key4 === 'events')) {
                    const err24 = {
                      instancePath: instancePath + '/slos/' + i0 + '/sli',
                      schemaPath: '#/properties/slos/items/properties/sli/additionalProperties',
                      keyword: 'additionalProperties',
                      params: { additionalProperty: key4 },
                      message: 'must NOT have additional properties',
                      schema: false,
                      parentSchema: schema40.properties.slos.items.properties.sli,
                      data: data11,
                    };
                    if (vErrors === null) {
                      vErrors = [err24];
                    } else {
                      vErrors.push(err24);
                    }
                    errors++;
                  }
                }
                if (data11.events !== undefined) {
                  let data12 = data11.events;
                  if (data12 && typeof data12 == 'object' && !Array.isArray(data12)) {
                    if (data12.error_query === undefined) {
                      const err25 = {
                        instancePath: instancePath + '/slos/' + i0 + '/sli/events',
                        schemaPath: '#/properties/slos/items/properties/sli/properties/events/required',
                        keyword: 'required',
                        params: { missingProperty: 'error_query' },
                        message: "must have required property '" + 'error_query' + "'",
                        schema: schema40.properties.slos.items.properties.sli.properties.events.required,
                        parentSchema: schema40.properties.slos.items.properties.sli.properties.events,
                        data: data12,
                      };
                      if (vErrors === null) {
                        vErrors = [err25];
                      } else {
                        vErrors.push(err25);
                      }
                      errors++;
                    }
                    if (data12.total_query === undefined) {
                      const err26 = {
                        instancePath: instancePath + '/slos/' + i0 + '/sli/events',
                        schemaPath: '#/properties/slos/items/properties/sli/properties/events/required',
                        keyword: 'required',
                        params: { missingProperty: 'total_query' },
                        message: "must have required property '" + 'total_query' + "'",
                        schema: schema40.properties.slos.items.properties.sli.properties.events.required,
                        parentSchema: schema40.properties.slos.items.properties.sli.properties.events,
                        data: data12,
                      };
                      if (vErrors === null) {
                        vErrors = [err26];
                      } else {
                        vErrors.push(err26);
                      }
                      errors++;
                    }
                    for (const key5 in data12) {
                      if (!(key5 === 'error_query' || key5 === 'total_query')) {
                        const err27 = {
                          instancePath: instancePath + '/slos/' + i0 + '/sli/events',
                          schemaPath: '#/properties/slos/items/properties/sli/properties/events/additionalProperties',
                          keyword: 'additionalProperties',
                          params: { additionalProperty: key5 },
                          message: 'must NOT have additional properties',
                          schema: false,
                          parentSchema: schema40.properties.slos.items.properties.sli.properties.events,
                          data: data12,
                        };
                        if (vErrors === null) {
                          vErrors = [err27];
                        } else {
                          vErrors.push(err27);
                        }
                        errors++;
                      }
                    }
                    if (data12.error_query !== undefined) {
                      let data13 = data12.error_query;
                      if (typeof data13 === 'string') {
                        if (data13.length < 1) {
                          const err28 = {
                            instancePath: instancePath + '/slos/' + i0 + '/sli/events/error_query',
                            schemaPath:
                              '#/properties/slos/items/properties/sli/properties/events/properties/error_query/minLength',
                            keyword: 'minLength',
                            params: { limit: 1 },
                            message: 'must NOT have fewer than 1 characters',
                            schema: 1,
                            parentSchema: schema40.properties.slos.items.properties.sli.properties.events.properties.error_query,
                            data: data13,
                          };
                          if (vErrors === null) {
                            vErrors = [err28];
                          } else {
                            vErrors.push(err28);
                          }
                          errors++;
                        }
                      } else {
                        const err29 = {
                          instancePath: instancePath + '/slos/' + i0 + '/sli/events/error_query',
                          schemaPath: '#/properties/slos/items/properties/sli/properties/events/properties/error_query/type',
                          keyword: 'type',
                          params: { type: 'string' },
                          message: 'must be string',
                          schema: schema40.properties.slos.items.properties.sli.properties.events.properties.error_query.type,
                          parentSchema: schema40.properties.slos.items.properties.sli.properties.events.properties.error_query,
                          data: data13,
                        };
                        if (vErrors === null) {
                          vErrors = [err29];
                        } else {
                          vErrors.push(err29);
                        }
                        errors++;
                      }
                    }
                    if (data12.total_query !== undefined) {
                      let data14 = data12.total_query;
                      if (typeof data14 === 'string') {
                        if (data14.length < 1) {
                          const err30 = {
                            instancePath: instancePath + '/slos/' + i0 + '/sli/events/total_query',
                            schemaPath:
                              '#/properties/slos/items/properties/sli/properties/events/properties/total_query/minLength',
                            keyword: 'minLength',
                            params: { limit: 1 },
                            message: 'must NOT have fewer than 1 characters',
                            schema: 1,
                            parentSchema: schema40.properties.slos.items.properties.sli.properties.events.properties.total_query,
                            data: data14,
                          };
                          if (vErrors === null) {
                            vErrors = [err30];
                          } else {
                            vErrors.push(err30);
                          }
                          errors++;
                        }
                      } else {
                        const err31 = {
                          instancePath: instancePath + '/slos/' + i0 + '/sli/events/total_query',
                          schemaPath: '#/properties/slos/items/properties/sli/properties/events/properties/total_query/type',
                          keyword: 'type',
                          params: { type: 'string' },
                          message: 'must be string',
                          schema: schema40.properties.slos.items.properties.sli.properties.events.properties.total_query.type,
                          parentSchema: schema40.properties.slos.items.properties.sli.properties.events.properties.total_query,
                          data: data14,
                        };
                        if (vErrors === null) {
                          vErrors = [err31];
                        } else {
                          vErrors.push(err31);
                        }
                        errors++;
                      }
                    }
                  } else {
                    const err32 = {
                      instancePath: instancePath + '/slos/' + i0 + '/sli/events',
                      schemaPath: '#/properties/slos/items/properties/sli/properties/events/type',
                      keyword: 'type',
                      params: { type: 'object' },
                      message: 'must be object',
                      schema: schema40.properties.slos.items.properties.sli.properties.events.type,
                      parentSchema: schema40.properties.slos.items.properties.sli.properties.events,
                      data: data12,
                    };
                    if (vErrors === null) {
                      vErrors = [err32];
                    } else {
                      vErrors.push(err32);
                    }
                    errors++;
                  }
                }
              } else {
                const err33 = {
                  instancePath: instancePath + '/slos/' + i0 + '/sli',
                  schemaPath: '#/properties/slos/items/properties/sli/type',
                  keyword: 'type',
                  params: { type: 'object' },
                  message: 'must be object',
                  schema: schema40.properties.slos.items.properties.sli.type,
                  parentSchema: schema40.properties.slos.items.properties.sli,
                  data: data11,
                };
                if (vErrors === null) {
                  vErrors = [err33];
                } else {
                  vErrors.push(err33);
                }
                errors++;
              }
            }
            if (data5.alerting !== undefined) {
              let data15 = data5.alerting;
              if (data15 && typeof data15 == 'object' && !Array.isArray(data15)) {
                if (data15.name === undefined) {
                  const err34 = {
                    instancePath: instancePath + '/slos/' + i0 + '/alerting',
                    schemaPath: '#/properties/slos/items/properties/alerting/required',
                    keyword: 'required',
                    params: { missingProperty: 'name' },
                    message: "must have required property '" + 'name' + "'",
                    schema: schema40.properties.slos.items.properties.alerting.required,
                    parentSchema: schema40.properties.slos.items.properties.alerting,
                    data: data15,
                  };
                  if (vErrors === null) {
                    vErrors = [err34];
                  } else {
                    vErrors.push(err34);
                  }
                  errors++;
                }
                for (const key6 in data15) {
                  if (!(
                    key6 === 'name' ||
                    key6 === 'labels' ||
                    key6 === 'annotations' ||
                    key6 === 'page_alert' ||
                    key6 === 'ticket_alert'
                  )) {
                    const err35 = {
                      instancePath: instancePath + '/slos/' + i0 + '/alerting',
                      schemaPath: '#/properties/slos/items/properties/alerting/additionalProperties',
                      keyword: 'additionalProperties',
                      params: { additionalProperty: key6 },
                      message: 'must NOT have additional properties',
                      schema: false,
                      parentSchema: schema40.properties.slos.items.properties.alerting,
                      data: data15,
                    };
                    if (vErrors === null) {
                      vErrors = [err35];
                    } else {
                      vErrors.push(err35);
                    }
                    errors++;
                  }
                }
                if (data15.name !== undefined) {
                  let data16 = data15.name;
                  if (typeof data16 === 'string') {
                    if (!pattern8.test(data16)) {
                      const err36 = {
                        instancePath: instancePath + '/slos/' + i0 + '/alerting/name',
                        schemaPath: '#/properties/slos/items/properties/alerting/properties/name/pattern',
                        keyword: 'pattern',
                        params: { pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
                        message: 'must match pattern "' + '^[A-Za-z_][A-Za-z0-9_]*$' + '"',
                        schema: '^[A-Za-z_][A-Za-z0-9_]*$',
                        parentSchema: schema40.properties.slos.items.properties.alerting.properties.name,
                        data: data16,
                      };
                      if (vErrors === null) {
                        vErrors = [err36];
                      } else {
                        vErrors.push(err36);
                      }
                      errors++;
                    }
                  } else {
                    const err37 = {
                      instancePath: instancePath + '/slos/' + i0 + '/alerting/name',
                      schemaPath: '#/properties/slos/items/properties/alerting/properties/name/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                      schema: schema40.properties.slos.items.properties.alerting.properties.name.type,
                      parentSchema: schema40.properties.slos.items.properties.alerting.properties.name,
                      data: data16,
                    };
                    if (vErrors === null) {
                      vErrors = [err37];
                    } else {
                      vErrors.push(err37);
                    }
                    errors++;
                  }
                }
                if (data15.labels !== undefined) {
                  let data17 = data15.labels;
                  if (data17 && typeof data17 == 'object' && !Array.isArray(data17)) {
                    for (const key7 in data17) {
                      let data18 = data17[key7];
                      if (typeof data18 !== 'string') {
                        const err38 = {
                          instancePath:
                            instancePath + '/slos/' + i0 + '/alerting/labels/' + key7.replace(/~/g, '~0').replace(/\//g, '~1'),
                          schemaPath: '#/properties/slos/items/properties/alerting/properties/labels/additionalProperties/type',
                          keyword: 'type',
                          params: { type: 'string' },
                          message: 'must be string',
                          schema: schema40.properties.slos.items.properties.alerting.properties.labels.additionalProperties.type,
                          parentSchema: schema40.properties.slos.items.properties.alerting.properties.labels.additionalProperties,
                          data: data18,
                        };
                        if (vErrors === null) {
                          vErrors = [err38];
                        } else {
                          vErrors.push(err38);
                        }
                        errors++;
                      }
                    }
                  } else {
                    const err39 = {
                      instancePath: instancePath + '/slos/' + i0 + '/alerting/labels',
                      schemaPath: '#/properties/slos/items/properties/alerting/properties/labels/type',
                      keyword: 'type',
                      params: { type: 'object' },
                      message: 'must be object',
                      schema: schema40.properties.slos.items.properties.alerting.properties.labels.type,
                      parentSchema: schema40.properties.slos.items.properties.alerting.properties.labels,
                      data: data17,
                    };
                    if (vErrors === null) {
                      vErrors = [err39];
                    } else {
                      vErrors.push(err39);
                    }
                    errors++;
                  }
                }
                if (data15.annotations !== undefined) {
                  let data19 = data15.annotations;
                  if (data19 && typeof data19 == 'object' && !Array.isArray(data19)) {
                    for (const key8 in data19) {
                      let data20 = data19[key8];
                      if (typeof data20 !== 'string') {
                        const err40 = {
                          instancePath:
                            instancePath +
                            '/slos/' +
                            i0 +
                            '/alerting/annotations/' +
                            key8.replace(/~/g, '~0').replace(/\//g, '~1'),
                          schemaPath:
                            '#/properties/slos/items/properties/alerting/properties/annotations/additionalProperties/type',
                          keyword: 'type',
                          params: { type: 'string' },
                          message: 'must be string',
                          schema:
                            schema40.properties.slos.items.properties.alerting.properties.annotations.additionalProperties.type,
                          parentSchema:
                            schema40.properties.slos.items.properties.alerting.properties.annotations.additionalProperties,
                          data: data20,
                        };
                        if (vErrors === null) {
                          vErrors = [err40];
                        } else {
                          vErrors.push(err40);
                        }
                        errors++;
                      }
                    }
                  } else {
                    const err41 = {
                      instancePath: instancePath + '/slos/' + i0 + '/alerting/annotations',
                      schemaPath: '#/properties/slos/items/properties/alerting/properties/annotations/type',
                      keyword: 'type',
                      params: { type: 'object' },
                      message: 'must be object',
                      schema: schema40.properties.slos.items.properties.alerting.properties.annotations.type,
                      parentSchema: schema40.properties.slos.items.properties.alerting.properties.annotations,
                      data: data19,
                    };
                    if (vErrors === null) {
                      vErrors = [err41];
                    } else {
                      vErrors.push(err41);
                    }
                    errors++;
                  }
                }
                if (data15.page_alert !== undefined) {
                  let data21 = data15.page_alert;
                  if (data21 && typeof data21 == 'object' && !Array.isArray(data21)) {
                    for (const key9 in data21) {
                      if (!(key9 === 'labels' || key9 === 'annotations')) {
                        const err42 = {
                          instancePath: instancePath + '/slos/' + i0 + '/alerting/page_alert',
                          schemaPath: '#/properties/slos/items/properties/alerting/properties/page_alert/additionalProperties',
                          keyword: 'additionalProperties',
                          params: { additionalProperty: key9 },
                          message: 'must NOT have additional properties',
                          schema: false,
                          parentSchema: schema40.properties.slos.items.properties.alerting.properties.page_alert,
                          data: data21,
                        };
                        if (vErrors === null) {
                          vErrors = [err42];
                        } else {
                          vErrors.push(err42);
                        }
                        errors++;
                      }
                    }
                    if (data21.labels !== undefined) {
                      let data22 = data21.labels;
                      if (data22 && typeof data22 == 'object' && !Array.isArray(data22)) {
                        for (const key10 in data22) {
                          let data23 = data22[key10];
                          if (typeof data23 !== 'string') {
                            const err43 = {
                              instancePath:
                                instancePath +
                                '/slos/' +
                                i0 +
                                '/alerting/page_alert/labels/' +
                                key10.replace(/~/g, '~0').replace(/\//g, '~1'),
                              schemaPath:
                                '#/properties/slos/items/properties/alerting/properties/page_alert/properties/labels/additionalProperties/type',
                              keyword: 'type',
                              params: { type: 'string' },
                              message: 'must be string',
                              schema:
                                schema40.properties.slos.items.properties.alerting.properties.page_alert.properties.labels
                                  .additionalProperties.type,
                              parentSchema:
                                schema40.properties.slos.items.properties.alerting.properties.page_alert.properties.labels
                                  .additionalProperties,
                              data: data23,
                            };
                            if (vErrors === null) {
                              vErrors = [err43];
                            } else {
                              vErrors.push(err43);
                            }
                            errors++;
                          }
                        }
                      } else {
                        const err44 = {
                          instancePath: instancePath + '/slos/' + i0 + '/alerting/page_alert/labels',
                          schemaPath: '#/properties/slos/items/properties/alerting/properties/page_alert/properties/labels/type',
                          keyword: 'type',
                          params: { type: 'object' },
                          message: 'must be object',
                          schema: schema40.properties.slos.items.properties.alerting.properties.page_alert.properties.labels.type,
                          parentSchema:
                            schema40.properties.slos.items.properties.alerting.properties.page_alert.properties.labels,
                          data: data22,
                        };
                        if (vErrors === null) {
                          vErrors = [err44];
                        } else {
                          vErrors.push(err44);
                        }
                        errors++;
                      }
                    }
                    if (data21.annotations !== undefined) {
                      let data24 = data21.annotations;
                      if (data24 && typeof data24 == 'object' && !Array.isArray(data24)) {
                        for (const key11 in data24) {
                          let data25 = data24[key11];
                          if (typeof data25 !== 'string') {
                            const err45 = {
                              instancePath:
                                instancePath +
                                '/slos/' +
                                i0 +
                                '/alerting/page_alert/annotations/' +
                                key11.replace(/~/g, '~0').replace(/\//g, '~1'),
                              schemaPath:
                                '#/properties/slos/items/properties/alerting/properties/page_alert/properties/annotations/additionalProperties/type',
                              keyword: 'type',
                              params: { type: 'string' },
                              message: 'must be string',
                              schema:
                                schema40.properties.slos.items.properties.alerting.properties.page_alert.properties.annotations
                                  .additionalProperties.type,
                              parentSchema:
                                schema40.properties.slos.items.properties.alerting.properties.page_alert.properties.annotations
                                  .additionalProperties,
                              data: data25,
                            };
                            if (vErrors === null) {
                              vErrors = [err45];
                            } else {
                              vErrors.push(err45);
                            }
                            errors++;
                          }
                        }
                      } else {
                        const err46 = {
                          instancePath: instancePath + '/slos/' + i0 + '/alerting/page_alert/annotations',
                          schemaPath:
                            '#/properties/slos/items/properties/alerting/properties/page_alert/properties/annotations/type',
                          keyword: 'type',
                          params: { type: 'object' },
                          message: 'must be object',
                          schema:
                            schema40.properties.slos.items.properties.alerting.properties.page_alert.properties.annotations.type,
                          parentSchema:
                            schema40.properties.slos.items.properties.alerting.properties.page_alert.properties.annotations,
                          data: data24,
                        };
                        if (vErrors === null) {
                          vErrors = [err46];
                        } else {
                          vErrors.push(err46);
                        }
                        errors++;
                      }
                    }
                  } else {
                    const err47 = {
                      instancePath: instancePath + '/slos/' + i0 + '/alerting/page_alert',
                      schemaPath: '#/properties/slos/items/properties/alerting/properties/page_alert/type',
                      keyword: 'type',
                      params: { type: 'object' },
                      message: 'must be object',
                      schema: schema40.properties.slos.items.properties.alerting.properties.page_alert.type,
                      parentSchema: schema40.properties.slos.items.properties.alerting.properties.page_alert,
                      data: data21,
                    };
                    if (vErrors === null) {
                      vErrors = [err47];
                    } else {
                      vErrors.push(err47);
                    }
                    errors++;
                  }
                }
                if (data15.ticket_alert !== undefined) {
                  let data26 = data15.ticket_alert;
                  if (data26 && typeof data26 == 'object' && !Array.isArray(data26)) {
                    for (const key12 in data26) {
                      if (!(key12 === 'labels' || key12 === 'annotations')) {
                        const err48 = {
                          instancePath: instancePath + '/slos/' + i0 + '/alerting/ticket_alert',
                          schemaPath: '#/properties/slos/items/properties/alerting/properties/ticket_alert/additionalProperties',
                          keyword: 'additionalProperties',
                          params: { additionalProperty: key12 },
                          message: 'must NOT have additional properties',
                          schema: false,
                          parentSchema: schema40.properties.slos.items.properties.alerting.properties.ticket_alert,
                          data: data26,
                        };
                        if (vErrors === null) {
                          vErrors = [err48];
                        } else {
                          vErrors.push(err48);
                        }
                        errors++;
                      }
                    }
                    if (data26.labels !== undefined) {
                      let data27 = data26.labels;
                      if (data27 && typeof data27 == 'object' && !Array.isArray(data27)) {
                        for (const key13 in data27) {
                          let data28 = data27[key13];
                          if (typeof data28 !== 'string') {
                            const err49 = {
                              instancePath:
                                instancePath +
                                '/slos/' +
                                i0 +
                                '/alerting/ticket_alert/labels/' +
                                key13.replace(/~/g, '~0').replace(/\//g, '~1'),
                              schemaPath:
                                '#/properties/slos/items/properties/alerting/properties/ticket_alert/properties/labels/additionalProperties/type',
                              keyword: 'type',
                              params: { type: 'string' },
                              message: 'must be string',
                              schema:
                                schema40.properties.slos.items.properties.alerting.properties.ticket_alert.properties.labels
                                  .additionalProperties.type,
                              parentSchema:
                                schema40.properties.slos.items.properties.alerting.properties.ticket_alert.properties.labels
                                  .additionalProperties,
                              data: data28,
                            };
                            if (vErrors === null) {
                              vErrors = [err49];
                            } else {
                              vErrors.push(err49);
                            }
                            errors++;
                          }
                        }
                      } else {
                        const err50 = {
                          instancePath: instancePath + '/slos/' + i0 + '/alerting/ticket_alert/labels',
                          schemaPath:
                            '#/properties/slos/items/properties/alerting/properties/ticket_alert/properties/labels/type',
                          keyword: 'type',
                          params: { type: 'object' },
                          message: 'must be object',
                          schema:
                            schema40.properties.slos.items.properties.alerting.properties.ticket_alert.properties.labels.type,
                          parentSchema:
                            schema40.properties.slos.items.properties.alerting.properties.ticket_alert.properties.labels,
                          data: data27,
                        };
                        if (vErrors === null) {
                          vErrors = [err50];
                        } else {
                          vErrors.push(err50);
                        }
                        errors++;
                      }
                    }
                    if (data26.annotations !== undefined) {
                      let data29 = data26.annotations;
                      if (data29 && typeof data29 == 'object' && !Array.isArray(data29)) {
                        for (const key14 in data29) {
                          let data30 = data29[key14];
                          if (typeof data30 !== 'string') {
                            const err51 = {
                              instancePath:
                                instancePath +
                                '/slos/' +
                                i0 +
                                '/alerting/ticket_alert/annotations/' +
                                key14.replace(/~/g, '~0').replace(/\//g, '~1'),
                              schemaPath:
                                '#/properties/slos/items/properties/alerting/properties/ticket_alert/properties/annotations/additionalProperties/type',
                              keyword: 'type',
                              params: { type: 'string' },
                              message: 'must be string',
                              schema:
                                schema40.properties.slos.items.properties.alerting.properties.ticket_alert.properties.annotations
                                  .additionalProperties.type,
                              parentSchema:
                                schema40.properties.slos.items.properties.alerting.properties.ticket_alert.properties.annotations
                                  .additionalProperties,
                              data: data30,
                            };
                            if (vErrors === null) {
                              vErrors = [err51];
                            } else {
                              vErrors.push(err51);
                            }
                            errors++;
                          }
                        }
                      } else {
                        const err52 = {
                          instancePath: instancePath + '/slos/' + i0 + '/alerting/ticket_alert/annotations',
                          schemaPath:
                            '#/properties/slos/items/properties/alerting/properties/ticket_alert/properties/annotations/type',
                          keyword: 'type',
                          params: { type: 'object' },
                          message: 'must be object',
                          schema:
                            schema40.properties.slos.items.properties.alerting.properties.ticket_alert.properties.annotations
                              .type,
                          parentSchema:
                            schema40.properties.slos.items.properties.alerting.properties.ticket_alert.properties.annotations,
                          data: data29,
                        };
                        if (vErrors === null) {
                          vErrors = [err52];
                        } else {
                          vErrors.push(err52);
                        }
                        errors++;
                      }
                    }
                  } else {
                    const err53 = {
                      instancePath: instancePath + '/slos/' + i0 + '/alerting/ticket_alert',
                      schemaPath: '#/properties/slos/items/properties/alerting/properties/ticket_alert/type',
                      keyword: 'type',
                      params: { type: 'object' },
                      message: 'must be object',
                      schema: schema40.properties.slos.items.properties.alerting.properties.ticket_alert.type,
                      parentSchema: schema40.properties.slos.items.properties.alerting.properties.ticket_alert,
                      data: data26,
                    };
                    if (vErrors === null) {
                      vErrors = [err53];
                    } else {
                      vErrors.push(err53);
                    }
                    errors++;
                  }
                }
              } else {
                const err54 = {
                  instancePath: instancePath + '/slos/' + i0 + '/alerting',
                  schemaPath: '#/properties/slos/items/properties/alerting/type',
                  keyword: 'type',
                  params: { type: 'object' },
                  message: 'must be object',
                  schema: schema40.properties.slos.items.properties.alerting.type,
                  parentSchema: schema40.properties.slos.items.properties.alerting,
                  data: data15,
                };
                if (vErrors === null) {
                  vErrors = [err54];
                } else {
                  vErrors.push(err54);
                }
                errors++;
              }
            }
          } else {
            const err55 = {
              instancePath: instancePath + '/slos/' + i0,
              schemaPath: '#/properties/slos/items/type',
              keyword: 'type',
              params: { type: 'object' },
              message: 'must be object',
              schema: schema40.properties.slos.items.type,
              parentSchema: schema40.properties.slos.items,
              data: data5,
            };
            if (vErrors === null) {
              vErrors = [err55];
            } else {
              vErrors.push(err55);
            }
            errors++;
          }
        }
      } else {
        const err56 = {
          instancePath: instancePath + '/slos',
          schemaPath: '#/properties/slos/type',
          keyword: 'type',
          params: { type: 'array' },
          message: 'must be array',
          schema: schema40.properties.slos.type,
          parentSchema: schema40.properties.slos,
          data: data4,
        };
        if (vErrors === null) {
          vErrors = [err56];
        } else {
          vErrors.push(err56);
        }
        errors++;
      }
    }
  } else {
    const err57 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
      schema: schema40.type,
      parentSchema: schema40,
      data,
    };
    if (vErrors === null) {
      vErrors = [err57];
    } else {
      vErrors.push(err57);
    }
    errors++;
  }
  validate26.errors = vErrors;
  return errors === 0;
}
validate26.evaluated = { props: true, dynamicProps: false, dynamicItems: false };
export const trackerType = validate27;
const schema41 = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'strict/tracker-type.schema.json',
  title: 'TrackerType',
  description:
    "Specifies what the tracker monitors. Example: BILL_AMOUNT, CUSTOMER_VISITS, POINTS, LINEITEM_AMOUNT, LINEITEM_QTY, LINEITEM_COUNT, or ALTERNATE_CURRENCIES. The set is open: the docs say 'Example', and the documented response already holds types the list omits, so a type outside KnownTrackerType is valid and reported as a warning.",
  anyOf: [{ $ref: 'known-tracker-type.schema.json' }, { type: 'string', minLength: 1 }],
};
function validate27(data, { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  /*# sourceURL="strict/tracker-type.schema.json" */ let vErrors = null;
  let errors = 0;
  const evaluated0 = validate27.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = undefined;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = undefined;
  }
  const _errs0 = errors;
  let valid0 = false;
  const _errs1 = errors;
  if (typeof data !== 'string') {
    const err0 = {
      instancePath,
      schemaPath: 'known-tracker-type.schema.json/type',
      keyword: 'type',
      params: { type: 'string' },
      message: 'must be string',
      schema: schema37.type,
      parentSchema: schema37,
      data,
    };
    if (vErrors === null) {
      vErrors = [err0];
    } else {
      vErrors.push(err0);
    }
    errors++;
  }
  if (!(
    data === 'BILL_AMOUNT' ||
    data === 'CUSTOMER_VISITS' ||
    data === 'POINTS' ||
    data === 'LINEITEM_AMOUNT' ||
    data === 'LINEITEM_QTY' ||
    data === 'LINEITEM_COUNT' ||
    data === 'ALTERNATE_CURRENCIES' ||
    data === 'BILL_EXTENDED_FIELD' ||
    data === 'LINEITEM_EXTENDED_FIELD' ||
    data === 'BILL_TOTAL_QTY' ||
    data === 'BILL_GROSS_AMOUNT'
  )) {
    const err1 = {
      instancePath,
      schemaPath: 'known-tracker-type.schema.json/enum',
      keyword: 'enum',
      params: { allowedValues: schema37.enum },
      message: 'must be equal to one of the allowed values',
      schema: schema37.enum,
      parentSchema: schema37,
      data,
    };
    if (vErrors === null) {
      vErrors = [err1];
    } else {
      vErrors.push(err1);
    }
    errors++;
  }
  var _valid0 = _errs1 === errors;
  valid0 = valid0 || _valid0;
  const _errs4 = errors;
  if (typeof data === 'string') {
    if (data.length < 1) {
      const err2 = {
        instancePath,
        schemaPath: '#/anyOf/1/minLength',
        keyword: 'minLength',
        params: { limit: 1 },
        message: 'must NOT have fewer than 1 characters',
        schema: 1,
        parentSchema: schema41.anyOf[1],
        data,
      };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
  } else {
    const err3 = {
      instancePath,
      schemaPath: '#/anyOf/1/type',
      keyword: 'type',
      params: { type: 'string' },
      message: 'must be string',
      schema: schema41.anyOf[1].type,
      parentSchema: schema41.anyOf[1],
      data,
    };
    if (vErrors === null) {
      vErrors = [err3];
    } else {
      vErrors.push(err3);
    }
    errors++;
  }
  var _valid0 = _errs4 === errors;
  valid0 = valid0 || _valid0;
  if (!valid0) {
    const err4 = {
      instancePath,
      schemaPath: '#/anyOf',
      keyword: 'anyOf',
      params: {},
      message: 'must match a schema in anyOf',
      schema: schema41.anyOf,
      parentSchema: schema41,
      data,
    };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  } else {
    errors = _errs0;
    if (vErrors !== null) {
      if (_errs0) {
        vErrors.length = _errs0;
      } else {
        vErrors = null;
      }
    }
  }
  validate27.errors = vErrors;
  return errors === 0;
}
validate27.evaluated = { dynamicProps: false, dynamicItems: false };
export const tracker = validate28;
const schema43 = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'strict/tracker.schema.json',
  title: 'Tracker',
  description:
    'Contains the details of the tracker. (id, conditionId) identifies a tracker row: the documented example repeats an id with different conditionIds.',
  type: 'object',
  required: ['id', 'name', 'conditionId', 'type', 'value', 'updatedOn', 'conditionName', 'periodStartDate', 'periodEndDate'],
  properties: {
    id: { type: 'integer', description: 'Unique identifier for the tracker.' },
    name: { type: 'string', description: 'Name of the tracker.' },
    conditionId: {
      type: 'integer',
      description:
        'Identifier (integer) for the tracker condition. Condition ID is generated when you add the condition to be met for a tracker. For example, a tracker condition could be if the sum of transactions in 365 days are equal to $1000.',
    },
    type: { $ref: 'tracker-type.schema.json' },
    value: {
      type: 'number',
      description:
        'Current value of the tracker based on the type. Example: For type- CUSTOMER_VISITS, the value signifies the number of times a customer visited the store.',
    },
    updatedOn: {
      $ref: 'date-time.schema.json',
      description: 'Date and time the tracker was last updated, in ISO YYYY-MM-DD HH:MM:SS.s format.',
    },
    conditionName: { type: 'string', description: 'Name of the tracker condition.' },
    periodStartDate: {
      $ref: 'date-time.schema.json',
      description: 'Start date of the period for which the tracker is valid, in ISO YYYY-MM-DD HH:MM:SS.s format.',
    },
    periodEndDate: {
      $ref: 'date-time.schema.json',
      description: 'End date of the period for which the tracker is valid, in ISO YYYY-MM-DD HH:MM:SS.s format.',
    },
  },
  additionalProperties: false,
};
function validate28(data, { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  /*# sourceURL="strict/tracker.schema.json" */ let vErrors = null;
  let errors = 0;
  const evaluated0 = validate28.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = undefined;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = undefined;
  }
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.id === undefined) {
      const err0 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'id' },
        message: "must have required property '" + 'id' + "'",
        schema: schema43.required,
        parentSchema: schema43,
        data,
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.name === undefined) {
      const err1 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'name' },
        message: "must have required property '" + 'name' + "'",
        schema: schema43.required,
        parentSchema: schema43,
        data,
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.conditionId === undefined) {
      const err2 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'conditionId' },
        message: "must have required property '" + 'conditionId' + "'",
        schema: schema43.required,
        parentSchema: schema43,
        data,
      };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.type === undefined) {
      const err3 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'type' },
        message: "must have required property '" + 'type' + "'",
        schema: schema43.required,
        parentSchema: schema43,
        data,
      };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (data.value === undefined) {
      const err4 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'value' },
        message: "must have required property '" + 'value' + "'",
        schema: schema43.required,
        parentSchema: schema43,
        data,
      };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    if (data.updatedOn === undefined) {
      const err5 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'updatedOn' },
        message: "must have required property '" + 'updatedOn' + "'",
        schema: schema43.required,
        parentSchema: schema43,
        data,
      };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    if (data.conditionName === undefined) {
      const err6 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'conditionName' },
        message: "must have required property '" + 'conditionName' + "'",
        schema: schema43.required,
        parentSchema: schema43,
        data,
      };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
    if (data.periodStartDate === undefined) {
      const err7 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'periodStartDate' },
        message: "must have required property '" + 'periodStartDate' + "'",
        schema: schema43.required,
        parentSchema: schema43,
        data,
      };
      if (vErrors === null) {
        vErrors = [err7];
      } else {
        vErrors.push(err7);
      }
      errors++;
    }
    if (data.periodEndDate === undefined) {
      const err8 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'periodEndDate' },
        message: "must have required property '" + 'periodEndDate' + "'",
        schema: schema43.required,
        parentSchema: schema43,
        data,
      };
      if (vErrors === null) {
        vErrors = [err8];
      } else {
        vErrors.push(err8);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func6.call(schema43.properties, key0)) {
        const err9 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
          schema: false,
          parentSchema: schema43,
          data,
        };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
    if (data.id !== undefined) {
      let data0 = data.id;
      if (!(typeof data0 == 'number' && !(data0 % 1) && !isNaN(data0) && isFinite(data0))) {
        const err10 = {
          instancePath: instancePath + '/id',
          schemaPath: '#/properties/id/type',
          keyword: 'type',
          params: { type: 'integer' },
          message: 'must be integer',
          schema: schema43.properties.id.type,
          parentSchema: schema43.properties.id,
          data: data0,
        };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.name !== undefined) {
      let data1 = data.name;
      if (typeof data1 !== 'string') {
        const err11 = {
          instancePath: instancePath + '/name',
          schemaPath: '#/properties/name/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema43.properties.name.type,
          parentSchema: schema43.properties.name,
          data: data1,
        };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.conditionId !== undefined) {
      let data2 = data.conditionId;
      if (!(typeof data2 == 'number' && !(data2 % 1) && !isNaN(data2) && isFinite(data2))) {
        const err12 = {
          instancePath: instancePath + '/conditionId',
          schemaPath: '#/properties/conditionId/type',
          keyword: 'type',
          params: { type: 'integer' },
          message: 'must be integer',
          schema: schema43.properties.conditionId.type,
          parentSchema: schema43.properties.conditionId,
          data: data2,
        };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
    if (data.type !== undefined) {
      if (
        !validate27(data.type, {
          instancePath: instancePath + '/type',
          parentData: data,
          parentDataProperty: 'type',
          rootData,
          dynamicAnchors,
        })
      ) {
        vErrors = vErrors === null ? validate27.errors : vErrors.concat(validate27.errors);
        errors = vErrors.length;
      }
    }
    if (data.value !== undefined) {
      let data4 = data.value;
      if (!(typeof data4 == 'number' && isFinite(data4))) {
        const err13 = {
          instancePath: instancePath + '/value',
          schemaPath: '#/properties/value/type',
          keyword: 'type',
          params: { type: 'number' },
          message: 'must be number',
          schema: schema43.properties.value.type,
          parentSchema: schema43.properties.value,
          data: data4,
        };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.updatedOn !== undefined) {
      let data5 = data.updatedOn;
      if (typeof data5 === 'string') {
        if (!pattern4.test(data5)) {
          const err14 = {
            instancePath: instancePath + '/updatedOn',
            schemaPath: 'date-time.schema.json/pattern',
            keyword: 'pattern',
            params: { pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$' },
            message:
              'must match pattern "' +
              '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$' +
              '"',
            schema: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$',
            parentSchema: schema32,
            data: data5,
          };
          if (vErrors === null) {
            vErrors = [err14];
          } else {
            vErrors.push(err14);
          }
          errors++;
        }
        if (!formats0.validate(data5)) {
          const err15 = {
            instancePath: instancePath + '/updatedOn',
            schemaPath: 'date-time.schema.json/format',
            keyword: 'format',
            params: { format: 'date-time' },
            message: 'must match format "' + 'date-time' + '"',
            schema: 'date-time',
            parentSchema: schema32,
            data: data5,
          };
          if (vErrors === null) {
            vErrors = [err15];
          } else {
            vErrors.push(err15);
          }
          errors++;
        }
      } else {
        const err16 = {
          instancePath: instancePath + '/updatedOn',
          schemaPath: 'date-time.schema.json/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema32.type,
          parentSchema: schema32,
          data: data5,
        };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
    }
    if (data.conditionName !== undefined) {
      let data6 = data.conditionName;
      if (typeof data6 !== 'string') {
        const err17 = {
          instancePath: instancePath + '/conditionName',
          schemaPath: '#/properties/conditionName/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema43.properties.conditionName.type,
          parentSchema: schema43.properties.conditionName,
          data: data6,
        };
        if (vErrors === null) {
          vErrors = [err17];
        } else {
          vErrors.push(err17);
        }
        errors++;
      }
    }
    if (data.periodStartDate !== undefined) {
      let data7 = data.periodStartDate;
      if (typeof data7 === 'string') {
        if (!pattern4.test(data7)) {
          const err18 = {
            instancePath: instancePath + '/periodStartDate',
            schemaPath: 'date-time.schema.json/pattern',
            keyword: 'pattern',
            params: { pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$' },
            message:
              'must match pattern "' +
              '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$' +
              '"',
            schema: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$',
            parentSchema: schema32,
            data: data7,
          };
          if (vErrors === null) {
            vErrors = [err18];
          } else {
            vErrors.push(err18);
          }
          errors++;
        }
        if (!formats0.validate(data7)) {
          const err19 = {
            instancePath: instancePath + '/periodStartDate',
            schemaPath: 'date-time.schema.json/format',
            keyword: 'format',
            params: { format: 'date-time' },
            message: 'must match format "' + 'date-time' + '"',
            schema: 'date-time',
            parentSchema: schema32,
            data: data7,
          };
          if (vErrors === null) {
            vErrors = [err19];
          } else {
            vErrors.push(err19);
          }
          errors++;
        }
      } else {
        const err20 = {
          instancePath: instancePath + '/periodStartDate',
          schemaPath: 'date-time.schema.json/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema32.type,
          parentSchema: schema32,
          data: data7,
        };
        if (vErrors === null) {
          vErrors = [err20];
        } else {
          vErrors.push(err20);
        }
        errors++;
      }
    }
    if (data.periodEndDate !== undefined) {
      let data8 = data.periodEndDate;
      if (typeof data8 === 'string') {
        if (!pattern4.test(data8)) {
          const err21 = {
            instancePath: instancePath + '/periodEndDate',
            schemaPath: 'date-time.schema.json/pattern',
            keyword: 'pattern',
            params: { pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$' },
            message:
              'must match pattern "' +
              '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$' +
              '"',
            schema: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$',
            parentSchema: schema32,
            data: data8,
          };
          if (vErrors === null) {
            vErrors = [err21];
          } else {
            vErrors.push(err21);
          }
          errors++;
        }
        if (!formats0.validate(data8)) {
          const err22 = {
            instancePath: instancePath + '/periodEndDate',
            schemaPath: 'date-time.schema.json/format',
            keyword: 'format',
            params: { format: 'date-time' },
            message: 'must match format "' + 'date-time' + '"',
            schema: 'date-time',
            parentSchema: schema32,
            data: data8,
          };
          if (vErrors === null) {
            vErrors = [err22];
          } else {
            vErrors.push(err22);
          }
          errors++;
        }
      } else {
        const err23 = {
          instancePath: instancePath + '/periodEndDate',
          schemaPath: 'date-time.schema.json/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema32.type,
          parentSchema: schema32,
          data: data8,
        };
        if (vErrors === null) {
          vErrors = [err23];
        } else {
          vErrors.push(err23);
        }
        errors++;
      }
    }
  } else {
    const err24 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
      schema: schema43.type,
      parentSchema: schema43,
      data,
    };
    if (vErrors === null) {
      vErrors = [err24];
    } else {
      vErrors.push(err24);
    }
    errors++;
  }
  validate28.errors = vErrors;
  return errors === 0;
}
validate28.evaluated = { props: true, dynamicProps: false, dynamicItems: false };
export const trackersResponse = validate30;
const schema47 = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'strict/trackers-response.schema.json',
  title: 'TrackersResponse',
  description: 'The success envelope of GET /v2/customers/{customerId}/trackers.',
  type: 'object',
  required: ['pagination', 'data', 'warnings', 'errors'],
  properties: {
    pagination: { $ref: 'pagination.schema.json' },
    data: { type: 'array', description: 'Contains the details of the tracker.', items: { $ref: 'tracker.schema.json' } },
    warnings: { type: 'array', description: 'Warnings, if any.', items: { $ref: 'api-error.schema.json' } },
    errors: { type: 'array', description: 'Errors, if any.', items: { $ref: 'api-error.schema.json' } },
  },
  additionalProperties: false,
};
function validate30(data, { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  /*# sourceURL="strict/trackers-response.schema.json" */ let vErrors = null;
  let errors = 0;
  const evaluated0 = validate30.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = undefined;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = undefined;
  }
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.pagination === undefined) {
      const err0 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'pagination' },
        message: "must have required property '" + 'pagination' + "'",
        schema: schema47.required,
        parentSchema: schema47,
        data,
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.data === undefined) {
      const err1 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'data' },
        message: "must have required property '" + 'data' + "'",
        schema: schema47.required,
        parentSchema: schema47,
        data,
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.warnings === undefined) {
      const err2 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'warnings' },
        message: "must have required property '" + 'warnings' + "'",
        schema: schema47.required,
        parentSchema: schema47,
        data,
      };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.errors === undefined) {
      const err3 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'errors' },
        message: "must have required property '" + 'errors' + "'",
        schema: schema47.required,
        parentSchema: schema47,
        data,
      };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === 'pagination' || key0 === 'data' || key0 === 'warnings' || key0 === 'errors')) {
        const err4 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
          schema: false,
          parentSchema: schema47,
          data,
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.pagination !== undefined) {
      let data0 = data.pagination;
      if (data0 && typeof data0 == 'object' && !Array.isArray(data0)) {
        if (data0.limit === undefined) {
          const err5 = {
            instancePath: instancePath + '/pagination',
            schemaPath: 'pagination.schema.json/required',
            keyword: 'required',
            params: { missingProperty: 'limit' },
            message: "must have required property '" + 'limit' + "'",
            schema: schema34.required,
            parentSchema: schema34,
            data: data0,
          };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
        if (data0.offset === undefined) {
          const err6 = {
            instancePath: instancePath + '/pagination',
            schemaPath: 'pagination.schema.json/required',
            keyword: 'required',
            params: { missingProperty: 'offset' },
            message: "must have required property '" + 'offset' + "'",
            schema: schema34.required,
            parentSchema: schema34,
            data: data0,
          };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
        if (data0.total === undefined) {
          const err7 = {
            instancePath: instancePath + '/pagination',
            schemaPath: 'pagination.schema.json/required',
            keyword: 'required',
            params: { missingProperty: 'total' },
            message: "must have required property '" + 'total' + "'",
            schema: schema34.required,
            parentSchema: schema34,
            data: data0,
          };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
        for (const key1 in data0) {
          if (!(key1 === 'limit' || key1 === 'offset' || key1 === 'total')) {
            const err8 = {
              instancePath: instancePath + '/pagination',
              schemaPath: 'pagination.schema.json/additionalProperties',
              keyword: 'additionalProperties',
              params: { additionalProperty: key1 },
              message: 'must NOT have additional properties',
              schema: false,
              parentSchema: schema34,
              data: data0,
            };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
        }
        if (data0.limit !== undefined) {
          let data1 = data0.limit;
          if (!(typeof data1 == 'number' && !(data1 % 1) && !isNaN(data1) && isFinite(data1))) {
            const err9 = {
              instancePath: instancePath + '/pagination/limit',
              schemaPath: 'pagination.schema.json/properties/limit/type',
              keyword: 'type',
              params: { type: 'integer' },
              message: 'must be integer',
              schema: schema34.properties.limit.type,
              parentSchema: schema34.properties.limit,
              data: data1,
            };
            if (vErrors === null) {
              vErrors = [err9];
            } else {
              vErrors.push(err9);
            }
            errors++;
          }
        }
        if (data0.offset !== undefined) {
          let data2 = data0.offset;
          if (!(typeof data2 == 'number' && !(data2 % 1) && !isNaN(data2) && isFinite(data2))) {
            const err10 = {
              instancePath: instancePath + '/pagination/offset',
              schemaPath: 'pagination.schema.json/properties/offset/type',
              keyword: 'type',
              params: { type: 'integer' },
              message: 'must be integer',
              schema: schema34.properties.offset.type,
              parentSchema: schema34.properties.offset,
              data: data2,
            };
            if (vErrors === null) {
              vErrors = [err10];
            } else {
              vErrors.push(err10);
            }
            errors++;
          }
        }
        if (data0.total !== undefined) {
          let data3 = data0.total;
          if (!(typeof data3 == 'number' && !(data3 % 1) && !isNaN(data3) && isFinite(data3))) {
            const err11 = {
              instancePath: instancePath + '/pagination/total',
              schemaPath: 'pagination.schema.json/properties/total/type',
              keyword: 'type',
              params: { type: 'integer' },
              message: 'must be integer',
              schema: schema34.properties.total.type,
              parentSchema: schema34.properties.total,
              data: data3,
            };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
        }
      } else {
        const err12 = {
          instancePath: instancePath + '/pagination',
          schemaPath: 'pagination.schema.json/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
          schema: schema34.type,
          parentSchema: schema34,
          data: data0,
        };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
    if (data.data !== undefined) {
      let data4 = data.data;
      if (Array.isArray(data4)) {
        const len0 = data4.length;
        for (let i0 = 0; i0 < len0; i0++) {
          if (
            !validate28(data4[i0], {
              instancePath: instancePath + '/data/' + i0,
              parentData: data4,
              parentDataProperty: i0,
              rootData,
              dynamicAnchors,
            })
          ) {
            vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err13 = {
          instancePath: instancePath + '/data',
          schemaPath: '#/properties/data/type',
          keyword: 'type',
          params: { type: 'array' },
          message: 'must be array',
          schema: schema47.properties.data.type,
          parentSchema: schema47.properties.data,
          data: data4,
        };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.warnings !== undefined) {
      let data6 = data.warnings;
      if (Array.isArray(data6)) {
        const len1 = data6.length;
        for (let i1 = 0; i1 < len1; i1++) {
          let data7 = data6[i1];
          if (data7 && typeof data7 == 'object' && !Array.isArray(data7)) {
            if (data7.status === undefined) {
              const err14 = {
                instancePath: instancePath + '/warnings/' + i1,
                schemaPath: 'api-error.schema.json/required',
                keyword: 'required',
                params: { missingProperty: 'status' },
                message: "must have required property '" + 'status' + "'",
                schema: schema31.required,
                parentSchema: schema31,
                data: data7,
              };
              if (vErrors === null) {
                vErrors = [err14];
              } else {
                vErrors.push(err14);
              }
              errors++;
            }
            if (data7.code === undefined) {
              const err15 = {
                instancePath: instancePath + '/warnings/' + i1,
                schemaPath: 'api-error.schema.json/required',
                keyword: 'required',
                params: { missingProperty: 'code' },
                message: "must have required property '" + 'code' + "'",
                schema: schema31.required,
                parentSchema: schema31,
                data: data7,
              };
              if (vErrors === null) {
                vErrors = [err15];
              } else {
                vErrors.push(err15);
              }
              errors++;
            }
            if (data7.message === undefined) {
              const err16 = {
                instancePath: instancePath + '/warnings/' + i1,
                schemaPath: 'api-error.schema.json/required',
                keyword: 'required',
                params: { missingProperty: 'message' },
                message: "must have required property '" + 'message' + "'",
                schema: schema31.required,
                parentSchema: schema31,
                data: data7,
              };
              if (vErrors === null) {
                vErrors = [err16];
              } else {
                vErrors.push(err16);
              }
              errors++;
            }
            for (const key2 in data7) {
              if (!(key2 === 'status' || key2 === 'code' || key2 === 'message')) {
                const err17 = {
                  instancePath: instancePath + '/warnings/' + i1,
                  schemaPath: 'api-error.schema.json/additionalProperties',
                  keyword: 'additionalProperties',
                  params: { additionalProperty: key2 },
                  message: 'must NOT have additional properties',
                  schema: false,
                  parentSchema: schema31,
                  data: data7,
                };
                if (vErrors === null) {
                  vErrors = [err17];
                } else {
                  vErrors.push(err17);
                }
                errors++;
              }
            }
            if (data7.status !== undefined) {
              let data8 = data7.status;
              if (typeof data8 !== 'boolean') {
                const err18 = {
                  instancePath: instancePath + '/warnings/' + i1 + '/status',
                  schemaPath: 'api-error.schema.json/properties/status/type',
                  keyword: 'type',
                  params: { type: 'boolean' },
                  message: 'must be boolean',
                  schema: schema31.properties.status.type,
                  parentSchema: schema31.properties.status,
                  data: data8,
                };
                if (vErrors === null) {
                  vErrors = [err18];
                } else {
                  vErrors.push(err18);
                }
                errors++;
              }
            }
            if (data7.code !== undefined) {
              let data9 = data7.code;
              if (!(typeof data9 == 'number' && !(data9 % 1) && !isNaN(data9) && isFinite(data9))) {
                const err19 = {
                  instancePath: instancePath + '/warnings/' + i1 + '/code',
                  schemaPath: 'api-error.schema.json/properties/code/type',
                  keyword: 'type',
                  params: { type: 'integer' },
                  message: 'must be integer',
                  schema: schema31.properties.code.type,
                  parentSchema: schema31.properties.code,
                  data: data9,
                };
                if (vErrors === null) {
                  vErrors = [err19];
                } else {
                  vErrors.push(err19);
                }
                errors++;
              }
            }
            if (data7.message !== undefined) {
              let data10 = data7.message;
              if (typeof data10 !== 'string') {
                const err20 = {
                  instancePath: instancePath + '/warnings/' + i1 + '/message',
                  schemaPath: 'api-error.schema.json/properties/message/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                  schema: schema31.properties.message.type,
                  parentSchema: schema31.properties.message,
                  data: data10,
                };
                if (vErrors === null) {
                  vErrors = [err20];
                } else {
                  vErrors.push(err20);
                }
                errors++;
              }
            }
          } else {
            const err21 = {
              instancePath: instancePath + '/warnings/' + i1,
              schemaPath: 'api-error.schema.json/type',
              keyword: 'type',
              params: { type: 'object' },
              message: 'must be object',
              schema: schema31.type,
              parentSchema: schema31,
              data: data7,
            };
            if (vErrors === null) {
              vErrors = [err21];
            } else {
              vErrors.push(err21);
            }
            errors++;
          }
        }
      } else {
        const err22 = {
          instancePath: instancePath + '/warnings',
          schemaPath: '#/properties/warnings/type',
          keyword: 'type',
          params: { type: 'array' },
          message: 'must be array',
          schema: schema47.properties.warnings.type,
          parentSchema: schema47.properties.warnings,
          data: data6,
        };
        if (vErrors === null) {
          vErrors = [err22];
        } else {
          vErrors.push(err22);
        }
        errors++;
      }
    }
    if (data.errors !== undefined) {
      let data11 = data.errors;
      if (Array.isArray(data11)) {
        const len2 = data11.length;
        for (let i2 = 0; i2 < len2; i2++) {
          let data12 = data11[i2];
          if (data12 && typeof data12 == 'object' && !Array.isArray(data12)) {
            if (data12.status === undefined) {
              const err23 = {
                instancePath: instancePath + '/errors/' + i2,
                schemaPath: 'api-error.schema.json/required',
                keyword: 'required',
                params: { missingProperty: 'status' },
                message: "must have required property '" + 'status' + "'",
                schema: schema31.required,
                parentSchema: schema31,
                data: data12,
              };
              if (vErrors === null) {
                vErrors = [err23];
              } else {
                vErrors.push(err23);
              }
              errors++;
            }
            if (data12.code === undefined) {
              const err24 = {
                instancePath: instancePath + '/errors/' + i2,
                schemaPath: 'api-error.schema.json/required',
                keyword: 'required',
                params: { missingProperty: 'code' },
                message: "must have required property '" + 'code' + "'",
                schema: schema31.required,
                parentSchema: schema31,
                data: data12,
              };
              if (vErrors === null) {
                vErrors = [err24];
              } else {
                vErrors.push(err24);
              }
              errors++;
            }
            if (data12.message === undefined) {
              const err25 = {
                instancePath: instancePath + '/errors/' + i2,
                schemaPath: 'api-error.schema.json/required',
                keyword: 'required',
                params: { missingProperty: 'message' },
                message: "must have required property '" + 'message' + "'",
                schema: schema31.required,
                parentSchema: schema31,
                data: data12,
              };
              if (vErrors === null) {
                vErrors = [err25];
              } else {
                vErrors.push(err25);
              }
              errors++;
            }
            for (const key3 in data12) {
              if (!(key3 === 'status' || key3 === 'code' || key3 === 'message')) {
                const err26 = {
                  instancePath: instancePath + '/errors/' + i2,
                  schemaPath: 'api-error.schema.json/additionalProperties',
                  keyword: 'additionalProperties',
                  params: { additionalProperty: key3 },
                  message: 'must NOT have additional properties',
                  schema: false,
                  parentSchema: schema31,
                  data: data12,
                };
                if (vErrors === null) {
                  vErrors = [err26];
                } else {
                  vErrors.push(err26);
                }
                errors++;
              }
            }
            if (data12.status !== undefined) {
              let data13 = data12.status;
              if (typeof data13 !== 'boolean') {
                const err27 = {
                  instancePath: instancePath + '/errors/' + i2 + '/status',
                  schemaPath: 'api-error.schema.json/properties/status/type',
                  keyword: 'type',
                  params: { type: 'boolean' },
                  message: 'must be boolean',
                  schema: schema31.properties.status.type,
                  parentSchema: schema31.properties.status,
                  data: data13,
                };
                if (vErrors === null) {
                  vErrors = [err27];
                } else {
                  vErrors.push(err27);
                }
                errors++;
              }
            }
            if (data12.code !== undefined) {
              let data14 = data12.code;
              if (!(typeof data14 == 'number' && !(data14 % 1) && !isNaN(data14) && isFinite(data14))) {
                const err28 = {
                  instancePath: instancePath + '/errors/' + i2 + '/code',
                  schemaPath: 'api-error.schema.json/properties/code/type',
                  keyword: 'type',
                  params: { type: 'integer' },
                  message: 'must be integer',
                  schema: schema31.properties.code.type,
                  parentSchema: schema31.properties.code,
                  data: data14,
                };
                if (vErrors === null) {
                  vErrors = [err28];
                } else {
                  vErrors.push(err28);
                }
                errors++;
              }
            }
            if (data12.message !== undefined) {
              let data15 = data12.message;
              if (typeof data15 !== 'string') {
                const err29 = {
                  instancePath: instancePath + '/errors/' + i2 + '/message',
                  schemaPath: 'api-error.schema.json/properties/message/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                  schema: schema31.properties.message.type,
                  parentSchema: schema31.properties.message,
                  data: data15,
                };
                if (vErrors === null) {
                  vErrors = [err29];
                } else {
                  vErrors.push(err29);
                }
                errors++;
              }
            }
          } else {
            const err30 = {
              instancePath: instancePath + '/errors/' + i2,
              schemaPath: 'api-error.schema.json/type',
              keyword: 'type',
              params: { type: 'object' },
              message: 'must be object',
              schema: schema31.type,
              parentSchema: schema31,
              data: data12,
            };
            if (vErrors === null) {
              vErrors = [err30];
            } else {
              vErrors.push(err30);
            }
            errors++;
          }
        }
      } else {
        const err31 = {
          instancePath: instancePath + '/errors',
          schemaPath: '#/properties/errors/type',
          keyword: 'type',
          params: { type: 'array' },
          message: 'must be array',
          schema: schema47.properties.errors.type,
          parentSchema: schema47.properties.errors,
          data: data11,
        };
        if (vErrors === null) {
          vErrors = [err31];
        } else {
          vErrors.push(err31);
        }
        errors++;
      }
    }
  } else {
    const err32 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
      schema: schema47.type,
      parentSchema: schema47,
      data,
    };
    if (vErrors === null) {
      vErrors = [err32];
    } else {
      vErrors.push(err32);
    }
    errors++;
  }
  validate30.errors = vErrors;
  return errors === 0;
}
validate30.evaluated = { props: true, dynamicProps: false, dynamicItems: false };
export const trackersEnvelope = validate32;
const schema51 = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'strict/trackers-envelope.schema.json',
  title: 'TrackersResponse',
  description: 'The success envelope of GET /v2/customers/{customerId}/trackers.',
  type: 'object',
  required: ['pagination', 'data', 'warnings', 'errors'],
  properties: {
    pagination: { $ref: 'pagination.schema.json' },
    data: { type: 'array', description: 'Contains the details of the tracker.' },
    warnings: { type: 'array', description: 'Warnings, if any.', items: { $ref: 'api-error.schema.json' } },
    errors: { type: 'array', description: 'Errors, if any.', items: { $ref: 'api-error.schema.json' } },
  },
  additionalProperties: false,
};
function validate32(data, { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  /*# sourceURL="strict/trackers-envelope.schema.json" */ let vErrors = null;
  let errors = 0;
  const evaluated0 = validate32.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = undefined;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = undefined;
  }
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.pagination === undefined) {
      const err0 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'pagination' },
        message: "must have required property '" + 'pagination' + "'",
        schema: schema51.required,
        parentSchema: schema51,
        data,
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.data === undefined) {
      const err1 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'data' },
        message: "must have required property '" + 'data' + "'",
        schema: schema51.required,
        parentSchema: schema51,
        data,
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.warnings === undefined) {
      const err2 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'warnings' },
        message: "must have required property '" + 'warnings' + "'",
        schema: schema51.required,
        parentSchema: schema51,
        data,
      };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.errors === undefined) {
      const err3 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'errors' },
        message: "must have required property '" + 'errors' + "'",
        schema: schema51.required,
        parentSchema: schema51,
        data,
      };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === 'pagination' || key0 === 'data' || key0 === 'warnings' || key0 === 'errors')) {
        const err4 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
          schema: false,
          parentSchema: schema51,
          data,
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.pagination !== undefined) {
      let data0 = data.pagination;
      if (data0 && typeof data0 == 'object' && !Array.isArray(data0)) {
        if (data0.limit === undefined) {
          const err5 = {
            instancePath: instancePath + '/pagination',
            schemaPath: 'pagination.schema.json/required',
            keyword: 'required',
            params: { missingProperty: 'limit' },
            message: "must have required property '" + 'limit' + "'",
            schema: schema34.required,
            parentSchema: schema34,
            data: data0,
          };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
        if (data0.offset === undefined) {
          const err6 = {
            instancePath: instancePath + '/pagination',
            schemaPath: 'pagination.schema.json/required',
            keyword: 'required',
            params: { missingProperty: 'offset' },
            message: "must have required property '" + 'offset' + "'",
            schema: schema34.required,
            parentSchema: schema34,
            data: data0,
          };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
        if (data0.total === undefined) {
          const err7 = {
            instancePath: instancePath + '/pagination',
            schemaPath: 'pagination.schema.json/required',
            keyword: 'required',
            params: { missingProperty: 'total' },
            message: "must have required property '" + 'total' + "'",
            schema: schema34.required,
            parentSchema: schema34,
            data: data0,
          };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
        for (const key1 in data0) {
          if (!(key1 === 'limit' || key1 === 'offset' || key1 === 'total')) {
            const err8 = {
              instancePath: instancePath + '/pagination',
              schemaPath: 'pagination.schema.json/additionalProperties',
              keyword: 'additionalProperties',
              params: { additionalProperty: key1 },
              message: 'must NOT have additional properties',
              schema: false,
              parentSchema: schema34,
              data: data0,
            };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
        }
        if (data0.limit !== undefined) {
          let data1 = data0.limit;
          if (!(typeof data1 == 'number' && !(data1 % 1) && !isNaN(data1) && isFinite(data1))) {
            const err9 = {
              instancePath: instancePath + '/pagination/limit',
              schemaPath: 'pagination.schema.json/properties/limit/type',
              keyword: 'type',
              params: { type: 'integer' },
              message: 'must be integer',
              schema: schema34.properties.limit.type,
              parentSchema: schema34.properties.limit,
              data: data1,
            };
            if (vErrors === null) {
              vErrors = [err9];
            } else {
              vErrors.push(err9);
            }
            errors++;
          }
        }
        if (data0.offset !== undefined) {
          let data2 = data0.offset;
          if (!(typeof data2 == 'number' && !(data2 % 1) && !isNaN(data2) && isFinite(data2))) {
            const err10 = {
              instancePath: instancePath + '/pagination/offset',
              schemaPath: 'pagination.schema.json/properties/offset/type',
              keyword: 'type',
              params: { type: 'integer' },
              message: 'must be integer',
              schema: schema34.properties.offset.type,
              parentSchema: schema34.properties.offset,
              data: data2,
            };
            if (vErrors === null) {
              vErrors = [err10];
            } else {
              vErrors.push(err10);
            }
            errors++;
          }
        }
        if (data0.total !== undefined) {
          let data3 = data0.total;
          if (!(typeof data3 == 'number' && !(data3 % 1) && !isNaN(data3) && isFinite(data3))) {
            const err11 = {
              instancePath: instancePath + '/pagination/total',
              schemaPath: 'pagination.schema.json/properties/total/type',
              keyword: 'type',
              params: { type: 'integer' },
              message: 'must be integer',
              schema: schema34.properties.total.type,
              parentSchema: schema34.properties.total,
              data: data3,
            };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
        }
      } else {
        const err12 = {
          instancePath: instancePath + '/pagination',
          schemaPath: 'pagination.schema.json/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
          schema: schema34.type,
          parentSchema: schema34,
          data: data0,
        };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
    if (data.data !== undefined) {
      let data4 = data.data;
      if (!Array.isArray(data4)) {
        const err13 = {
          instancePath: instancePath + '/data',
          schemaPath: '#/properties/data/type',
          keyword: 'type',
          params: { type: 'array' },
          message: 'must be array',
          schema: schema51.properties.data.type,
          parentSchema: schema51.properties.data,
          data: data4,
        };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.warnings !== undefined) {
      let data5 = data.warnings;
      if (Array.isArray(data5)) {
        const len0 = data5.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data6 = data5[i0];
          if (data6 && typeof data6 == 'object' && !Array.isArray(data6)) {
            if (data6.status === undefined) {
              const err14 = {
                instancePath: instancePath + '/warnings/' + i0,
                schemaPath: 'api-error.schema.json/required',
                keyword: 'required',
                params: { missingProperty: 'status' },
                message: "must have required property '" + 'status' + "'",
                schema: schema31.required,
                parentSchema: schema31,
                data: data6,
              };
              if (vErrors === null) {
                vErrors = [err14];
              } else {
                vErrors.push(err14);
              }
              errors++;
            }
            if (data6.code === undefined) {
              const err15 = {
                instancePath: instancePath + '/warnings/' + i0,
                schemaPath: 'api-error.schema.json/required',
                keyword: 'required',
                params: { missingProperty: 'code' },
                message: "must have required property '" + 'code' + "'",
                schema: schema31.required,
                parentSchema: schema31,
                data: data6,
              };
              if (vErrors === null) {
                vErrors = [err15];
              } else {
                vErrors.push(err15);
              }
              errors++;
            }
            if (data6.message === undefined) {
              const err16 = {
                instancePath: instancePath + '/warnings/' + i0,
                schemaPath: 'api-error.schema.json/required',
                keyword: 'required',
                params: { missingProperty: 'message' },
                message: "must have required property '" + 'message' + "'",
                schema: schema31.required,
                parentSchema: schema31,
                data: data6,
              };
              if (vErrors === null) {
                vErrors = [err16];
              } else {
                vErrors.push(err16);
              }
              errors++;
            }
            for (const key2 in data6) {
              if (!(key2 === 'status' || key2 === 'code' || key2 === 'message')) {
                const err17 = {
                  instancePath: instancePath + '/warnings/' + i0,
                  schemaPath: 'api-error.schema.json/additionalProperties',
                  keyword: 'additionalProperties',
                  params: { additionalProperty: key2 },
                  message: 'must NOT have additional properties',
                  schema: false,
                  parentSchema: schema31,
                  data: data6,
                };
                if (vErrors === null) {
                  vErrors = [err17];
                } else {
                  vErrors.push(err17);
                }
                errors++;
              }
            }
            if (data6.status !== undefined) {
              let data7 = data6.status;
              if (typeof data7 !== 'boolean') {
                const err18 = {
                  instancePath: instancePath + '/warnings/' + i0 + '/status',
                  schemaPath: 'api-error.schema.json/properties/status/type',
                  keyword: 'type',
                  params: { type: 'boolean' },
                  message: 'must be boolean',
                  schema: schema31.properties.status.type,
                  parentSchema: schema31.properties.status,
                  data: data7,
                };
                if (vErrors === null) {
                  vErrors = [err18];
                } else {
                  vErrors.push(err18);
                }
                errors++;
              }
            }
            if (data6.code !== undefined) {
              let data8 = data6.code;
              if (!(typeof data8 == 'number' && !(data8 % 1) && !isNaN(data8) && isFinite(data8))) {
                const err19 = {
                  instancePath: instancePath + '/warnings/' + i0 + '/code',
                  schemaPath: 'api-error.schema.json/properties/code/type',
                  keyword: 'type',
                  params: { type: 'integer' },
                  message: 'must be integer',
                  schema: schema31.properties.code.type,
                  parentSchema: schema31.properties.code,
                  data: data8,
                };
                if (vErrors === null) {
                  vErrors = [err19];
                } else {
                  vErrors.push(err19);
                }
                errors++;
              }
            }
            if (data6.message !== undefined) {
              let data9 = data6.message;
              if (typeof data9 !== 'string') {
                const err20 = {
                  instancePath: instancePath + '/warnings/' + i0 + '/message',
                  schemaPath: 'api-error.schema.json/properties/message/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                  schema: schema31.properties.message.type,
                  parentSchema: schema31.properties.message,
                  data: data9,
                };
                if (vErrors === null) {
                  vErrors = [err20];
                } else {
                  vErrors.push(err20);
                }
                errors++;
              }
            }
          } else {
            const err21 = {
              instancePath: instancePath + '/warnings/' + i0,
              schemaPath: 'api-error.schema.json/type',
              keyword: 'type',
              params: { type: 'object' },
              message: 'must be object',
              schema: schema31.type,
              parentSchema: schema31,
              data: data6,
            };
            if (vErrors === null) {
              vErrors = [err21];
            } else {
              vErrors.push(err21);
            }
            errors++;
          }
        }
      } else {
        const err22 = {
          instancePath: instancePath + '/warnings',
          schemaPath: '#/properties/warnings/type',
          keyword: 'type',
          params: { type: 'array' },
          message: 'must be array',
          schema: schema51.properties.warnings.type,
          parentSchema: schema51.properties.warnings,
          data: data5,
        };
        if (vErrors === null) {
          vErrors = [err22];
        } else {
          vErrors.push(err22);
        }
        errors++;
      }
    }
    if (data.errors !== undefined) {
      let data10 = data.errors;
      if (Array.isArray(data10)) {
        const len1 = data10.length;
        for (let i1 = 0; i1 < len1; i1++) {
          let data11 = data10[i1];
          if (data11 && typeof data11 == 'object' && !Array.isArray(data11)) {
            if (data11.status === undefined) {
              const err23 = {
                instancePath: instancePath + '/errors/' + i1,
                schemaPath: 'api-error.schema.json/required',
                keyword: 'required',
                params: { missingProperty: 'status' },
                message: "must have required property '" + 'status' + "'",
                schema: schema31.required,
                parentSchema: schema31,
                data: data11,
              };
              if (vErrors === null) {
                vErrors = [err23];
              } else {
                vErrors.push(err23);
              }
              errors++;
            }
            if (data11.code === undefined) {
              const err24 = {
                instancePath: instancePath + '/errors/' + i1,
                schemaPath: 'api-error.schema.json/required',
                keyword: 'required',
                params: { missingProperty: 'code' },
                message: "must have required property '" + 'code' + "'",
                schema: schema31.required,
                parentSchema: schema31,
                data: data11,
              };
              if (vErrors === null) {
                vErrors = [err24];
              } else {
                vErrors.push(err24);
              }
              errors++;
            }
            if (data11.message === undefined) {
              const err25 = {
                instancePath: instancePath + '/errors/' + i1,
                schemaPath: 'api-error.schema.json/required',
                keyword: 'required',
                params: { missingProperty: 'message' },
                message: "must have required property '" + 'message' + "'",
                schema: schema31.required,
                parentSchema: schema31,
                data: data11,
              };
              if (vErrors === null) {
                vErrors = [err25];
              } else {
                vErrors.push(err25);
              }
              errors++;
            }
            for (const key3 in data11) {
              if (!(key3 === 'status' || key3 === 'code' || key3 === 'message')) {
                const err26 = {
                  instancePath: instancePath + '/errors/' + i1,
                  schemaPath: 'api-error.schema.json/additionalProperties',
                  keyword: 'additionalProperties',
                  params: { additionalProperty: key3 },
                  message: 'must NOT have additional properties',
                  schema: false,
                  parentSchema: schema31,
                  data: data11,
                };
                if (vErrors === null) {
                  vErrors = [err26];
                } else {
                  vErrors.push(err26);
                }
                errors++;
              }
            }
            if (data11.status !== undefined) {
              let data12 = data11.status;
              if (typeof data12 !== 'boolean') {
                const err27 = {
                  instancePath: instancePath + '/errors/' + i1 + '/status',
                  schemaPath: 'api-error.schema.json/properties/status/type',
                  keyword: 'type',
                  params: { type: 'boolean' },
                  message: 'must be boolean',
                  schema: schema31.properties.status.type,
                  parentSchema: schema31.properties.status,
                  data: data12,
                };
                if (vErrors === null) {
                  vErrors = [err27];
                } else {
                  vErrors.push(err27);
                }
                errors++;
              }
            }
            if (data11.code !== undefined) {
              let data13 = data11.code;
              if (!(typeof data13 == 'number' && !(data13 % 1) && !isNaN(data13) && isFinite(data13))) {
                const err28 = {
                  instancePath: instancePath + '/errors/' + i1 + '/code',
                  schemaPath: 'api-error.schema.json/properties/code/type',
                  keyword: 'type',
                  params: { type: 'integer' },
                  message: 'must be integer',
                  schema: schema31.properties.code.type,
                  parentSchema: schema31.properties.code,
                  data: data13,
                };
                if (vErrors === null) {
                  vErrors = [err28];
                } else {
                  vErrors.push(err28);
                }
                errors++;
              }
            }
            if (data11.message !== undefined) {
              let data14 = data11.message;
              if (typeof data14 !== 'string') {
                const err29 = {
                  instancePath: instancePath + '/errors/' + i1 + '/message',
                  schemaPath: 'api-error.schema.json/properties/message/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                  schema: schema31.properties.message.type,
                  parentSchema: schema31.properties.message,
                  data: data14,
                };
                if (vErrors === null) {
                  vErrors = [err29];
                } else {
                  vErrors.push(err29);
                }
                errors++;
              }
            }
          } else {
            const err30 = {
              instancePath: instancePath + '/errors/' + i1,
              schemaPath: 'api-error.schema.json/type',
              keyword: 'type',
              params: { type: 'object' },
              message: 'must be object',
              schema: schema31.type,
              parentSchema: schema31,
              data: data11,
            };
            if (vErrors === null) {
              vErrors = [err30];
            } else {
              vErrors.push(err30);
            }
            errors++;
          }
        }
      } else {
        const err31 = {
          instancePath: instancePath + '/errors',
          schemaPath: '#/properties/errors/type',
          keyword: 'type',
          params: { type: 'array' },
          message: 'must be array',
          schema: schema51.properties.errors.type,
          parentSchema: schema51.properties.errors,
          data: data10,
        };
        if (vErrors === null) {
          vErrors = [err31];
        } else {
          vErrors.push(err31);
        }
        errors++;
      }
    }
  } else {
    const err32 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
      schema: schema51.type,
      parentSchema: schema51,
      data,
    };
    if (vErrors === null) {
      vErrors = [err32];
    } else {
      vErrors.push(err32);
    }
    errors++;
  }
  validate32.errors = vErrors;
  return errors === 0;
}
validate32.evaluated = { props: true, dynamicProps: false, dynamicItems: false };

/** A generated validator: Ajv's calling convention, and its errors after it returns false. */
export interface CompiledValidator {
  (data: unknown, context?: DataValidationCxt): boolean;
  errors?: ErrorObject[] | null;
}

/** Each validator by the $id of its schema. */
export const validators: Readonly<Record<string, CompiledValidator>> = {
  'strict/api-error.schema.json': apiError,
  'strict/date-time.schema.json': dateTime,
  'strict/error-response.schema.json': errorResponse,
  'strict/known-tracker-type.schema.json': knownTrackerType,
  'strict/monitor-targets.schema.json': monitorTargets,
  'strict/pagination.schema.json': pagination,
  'strict/slo-spec.schema.json': sloSpec,
  'strict/tracker-type.schema.json': trackerType,
  'strict/tracker.schema.json': tracker,
  'strict/trackers-response.schema.json': trackersResponse,
  'strict/trackers-envelope.schema.json': trackersEnvelope,
};

/** The success envelope, checked in two parts (src/strict-schemas.ts). */
export const SUCCESS_SPLIT = {
  envelopeId: 'strict/trackers-envelope.schema.json',
  itemId: 'strict/tracker.schema.json',
  after: ['warnings', 'errors'],
} as const;
