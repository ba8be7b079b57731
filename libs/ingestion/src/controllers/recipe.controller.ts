import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '@llmops/auth';
import { AddRecipeVersionDto, CreateRecipeDto } from '../dtos/recipe.dto';
import { RecipeService } from '../services/recipe.service';

@ApiTags('recipes')
@Controller('v1/recipes')
export class RecipeController {
  constructor(private readonly recipes: RecipeService) {}

  @Post()
  @Roles('data-engineer')
  create(@Body() dto: CreateRecipeDto) {
    return this.recipes.create(dto.name, dto.description, dto.body);
  }

  @Get()
  @Roles('viewer', 'data-engineer', 'ml-engineer')
  list() {
    return this.recipes.list();
  }

  @Get(':recipe')
  @Roles('viewer', 'data-engineer', 'ml-engineer')
  get(@Param('recipe') recipe: string) {
    return this.recipes.view(recipe);
  }

  @Post(':recipe/versions')
  @HttpCode(201)
  @Roles('data-engineer')
  addVersion(@Param('recipe') recipe: string, @Body() dto: AddRecipeVersionDto) {
    return this.recipes.addVersion(recipe, dto.body);
  }

  @Get(':recipe/versions/:version')
  @Roles('viewer', 'data-engineer', 'ml-engineer')
  version(@Param('recipe') recipe: string, @Param('version', ParseIntPipe) version: number) {
    return this.recipes.version(recipe, version);
  }
}
